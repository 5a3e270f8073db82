namespace Collaboration.Grains.Meetings;

/// <summary>Where the minutes stand: when circulated, and once adopted, when, in which meeting and by which motion.</summary>
[GenerateSerializer, Immutable]
public sealed record MinutesView(
    MinutesStatus Status, DateTimeOffset? CirculatedAt, DateTimeOffset? AdoptedAt, Guid? AdoptedInMeetingId, string? AdoptedInMeetingTitle, Guid? AdoptedByMotionId,
    IReadOnlyList<MinutesCommentView>? Comments = null, IReadOnlyList<ErratumView>? Errata = null);
