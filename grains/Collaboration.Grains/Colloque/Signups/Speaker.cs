namespace Collaboration.Grains.Colloque;

[GenerateSerializer, Immutable]
public sealed record Speaker(string Name, string Organisation);
