namespace Collaboration.Web.Portal;

/// <summary>
/// A workshop session or a colloque on the portal's front page. For a workshop, its counts (seats
/// left, status) as the public topic carries them; for a colloque, its date and venue.
/// </summary>
public sealed record UpcomingEvent(
    string Kind, Guid Id, string TitleFr, string TitleEn, DateTimeOffset StartsAt, string Where, string Link,
    Grains.Workshops.WorkshopCounts? Counts, DateTimeOffset? RegistrationClosesAt);
