namespace Collaboration.Grains.Colloque;

/// <summary>Everything a registration holds (also what "export my data" returns).</summary>
[GenerateSerializer, Immutable]
public sealed record RegistrationView(
    string Code,
    Guid ColloqueId,
    string Name,
    string Organisation,
    AttendeeCategory Category,
    string Email,
    bool Cancelled,
    bool Erased,
    DateTimeOffset? BadgePrintedAt,
    CheckInRecord? CheckIn,
    long CheckInVersion,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<RegistrationHistoryEntry> History,
    Mrc? Mrc = null,
    bool SelfRegistered = false,
    AttendeeNeeds? Needs = null,
    string Language = "fr",
    DateTimeOffset? ConsentedAt = null);
