using Collaboration.Grains.Workshops;

namespace Collaboration.Web.Workshops;

/// <summary>A session as anyone may see it: details and seat counts, never a registrant.</summary>
public sealed record WorkshopSummary(
    Guid Id,
    string TitleFr,
    string TitleEn,
    string DescriptionFr,
    string DescriptionEn,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineLink,
    DateTimeOffset RegistrationOpensAt,
    DateTimeOffset RegistrationClosesAt,
    WorkshopStatus Status,
    int Capacity,
    int SeatsLeft,
    int ConfirmedSeats,
    int Waitlisted,
    long Version)
{
    public static WorkshopSummary From(WorkshopView view) => new(
        view.Id, view.Details.TitleFr, view.Details.TitleEn, view.Details.DescriptionFr, view.Details.DescriptionEn,
        view.Details.StartsAt, view.Details.EndsAt, view.Details.Place, view.Details.OnlineLink,
        view.Details.RegistrationOpensAt, view.Details.RegistrationClosesAt, view.Counts.Status,
        view.Counts.Capacity, view.Counts.SeatsLeft, view.Counts.ConfirmedSeats, view.Counts.Waitlisted, view.Version);
}
