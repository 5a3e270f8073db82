namespace Collaboration.Grains.Attestations;

/// <summary>What a verification code stands for: an event (<see cref="Participation.EventSubject.Key"/>) and a registration code in it.</summary>
[GenerateSerializer, Immutable]
public sealed record AttestationEntry([property: Id(0)] string Subject, [property: Id(1)] string Reference, [property: Id(2)] DateTimeOffset IssuedAt);
