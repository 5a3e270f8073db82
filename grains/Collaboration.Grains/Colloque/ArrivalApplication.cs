namespace Collaboration.Grains.Colloque;

public enum ArrivalApplication { Applied, AlreadyApplied, UnknownColloque }
