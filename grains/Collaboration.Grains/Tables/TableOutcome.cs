namespace Collaboration.Grains.Tables;

public enum TableOutcome { Done, NotFound, AlreadyExists, Invalid }
