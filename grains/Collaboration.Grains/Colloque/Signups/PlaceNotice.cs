namespace Collaboration.Grains.Colloque;

/// <summary>
/// What the signups grain tells a registration about its place, for the attendee's email: the
/// place now (confirmed, or waiting at <see cref="Position"/>), their breakouts, and the day
/// (first session's start to last one's end, the programme's revision as the .ics SEQUENCE: it changes with the programme, not with signups), with the
/// colloque's title, date and venue. <see cref="Sequence"/> rises with every notice about this attendee:
/// a registration keeps the highest it applied, so a repeated or late notice changes nothing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PlaceNotice(
    PlaceStatus Status,
    int? Position,
    IReadOnlyList<BreakoutNotice> Breakouts,
    DateTimeOffset? DayStartsAt,
    DateTimeOffset? DayEndsAt,
    string VenueAddress,
    long ProgrammeVersion,
    long Sequence = 0,
    ColloqueDetails? Colloque = null);
