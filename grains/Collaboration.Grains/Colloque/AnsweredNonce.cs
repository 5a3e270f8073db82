namespace Collaboration.Grains.Colloque;

[GenerateSerializer, Immutable]
public sealed record AnsweredNonce(string Nonce, CheckInAnswer Answer);
