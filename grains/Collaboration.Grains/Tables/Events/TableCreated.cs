namespace Collaboration.Grains.Tables.Events;

public sealed record TableCreated(string Name, int Quorum);
