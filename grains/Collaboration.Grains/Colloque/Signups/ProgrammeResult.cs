namespace Collaboration.Grains.Colloque;

public enum ProgrammeResult { Ok, UnknownSession, UnknownRoom }
