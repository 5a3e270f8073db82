namespace Collaboration.Grains.Colloque;

/// <summary>
/// What a public form hands over with an address, in case the address is already registered: the language of the
/// person asking (the email follows it), and a fresh manage token (hash and sealed copy) that a registration without
/// one of its own (listed by the organiser) takes. Nothing of it is ever shown back: the link goes to the address.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ManageLinkOffer([property: Id(0)] string Language, [property: Id(1)] string TokenHash, [property: Id(2)] string SealedToken);
