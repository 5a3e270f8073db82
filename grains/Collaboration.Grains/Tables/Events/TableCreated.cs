namespace Collaboration.Grains.Tables.Events;

[GenerateSerializer, Immutable]
public sealed record TableCreated(string Name, int Quorum);
