using Collaboration.Grains.Workshops;

namespace Collaboration.Web.Workshops;

/// <summary>One's own registration, as the private page shows it.</summary>
public sealed record RegistrationDetails(
    string Id,
    string Code,
    RegistrationStatus Status,
    int? Position,
    int Seats,
    string Organisation,
    string ContactName,
    string Email,
    string? Phone,
    string Sector,
    DateTimeOffset RegisteredAt,
    WorkshopSummary? Workshop,
    DateTimeOffset? CancelledAt = null)
{
    public static RegistrationDetails From(Guid sessionId, RegistrantView r, WorkshopSummary? workshop) => new(
        RegistrationIds.Format(sessionId, r.Code), RegistrationIds.Display(r.Code), r.Status, r.Position, r.Seats,
        r.Organisation, r.ContactName, r.Email, r.Phone, r.Sector, r.RegisteredAt, workshop, r.CancelledAt);
}
