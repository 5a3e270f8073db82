namespace Collaboration.Grains.Colloque;

/// <summary>
/// One attendee as the deciding grain knows them: no name, no email — the code, a hash of the email
/// (to find the same person again), the category, the place and the breakout choices.
/// </summary>
[GenerateSerializer]
public sealed class SignupEntry
{
    [Id(0)] public string Code { get; set; } = "";
    [Id(1)] public string MatchKey { get; set; } = "";
    [Id(2)] public AttendeeCategory Category { get; set; }
    [Id(3)] public PlaceStatus Status { get; set; }

    /// <summary>Arrival order (the colloque's waitlist is first come, first served); a reinstated attendee arrives again.</summary>
    [Id(4)] public long Sequence { get; set; }
    [Id(5)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(6)] public List<ChoiceEntry> Choices { get; set; } = [];

    /// <summary>The registration's revision last applied (a cancellation, reinstatement or erasure); older ones change nothing.</summary>
    [Id(7)] public long Revision { get; set; }
}
