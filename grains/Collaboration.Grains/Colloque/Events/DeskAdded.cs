namespace Collaboration.Grains.Colloque.Events;

[GenerateSerializer, Immutable]
public sealed record DeskAdded(string DeskId, string Name);
