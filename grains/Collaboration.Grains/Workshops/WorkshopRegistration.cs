namespace Collaboration.Grains.Workshops;

/// <summary>One registration as stored in the session grain (the manage token only as its hash).</summary>
public sealed class WorkshopRegistration
{
    public string Code { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public long Sequence { get; set; }
    public string Organisation { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Phone { get; set; }
    public int Seats { get; set; }
    public string Sector { get; set; } = "";
    public bool Consent { get; set; }
    public RegistrationStatus Status { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public bool? Attended { get; set; }
}
