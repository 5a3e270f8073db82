namespace Collaboration.Grains.Partners;

public enum PartnerOutcome { Done, NotFound, AlreadyExists, Stale, Invalid }
