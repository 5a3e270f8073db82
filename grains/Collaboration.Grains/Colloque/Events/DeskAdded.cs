namespace Collaboration.Grains.Colloque.Events;

public sealed record DeskAdded(string DeskId, string Name);
