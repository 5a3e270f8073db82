namespace Collaboration.Grains.Workshops;

/// <summary>One registration as stored in the session grain (the manage token only as its hash).</summary>
[GenerateSerializer]
public sealed class WorkshopRegistration
{
    [Id(0)] public string Code { get; set; } = "";
    [Id(1)] public string TokenHash { get; set; } = "";
    [Id(2)] public long Sequence { get; set; }
    [Id(3)] public string Organisation { get; set; } = "";
    [Id(4)] public string ContactName { get; set; } = "";
    [Id(5)] public string Email { get; set; } = "";
    [Id(6)] public string? Phone { get; set; }
    [Id(7)] public int Seats { get; set; }
    [Id(8)] public string Sector { get; set; } = "";
    [Id(9)] public bool Consent { get; set; }
    [Id(10)] public RegistrationStatus Status { get; set; }
    [Id(11)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(12)] public DateTimeOffset? ConfirmedAt { get; set; }
    [Id(13)] public DateTimeOffset? CancelledAt { get; set; }
    [Id(14)] public bool? Attended { get; set; }

    /// <summary>The manage token sealed by the web layer (data protection), so later messages can carry the private link.</summary>
    [Id(15)] public string? SealedToken { get; set; }

    /// <summary>"fr" or "en" when the employer chose one.</summary>
    [Id(16)] public string? Language { get; set; }

    /// <summary>Unsubscribed from reminders (the one-click link).</summary>
    [Id(17)] public bool NoReminders { get; set; }

    /// <summary>When its manage link was last sent again on request (at most one such message per <see cref="WorkshopSessionGrain.ManageLinkInterval"/>).</summary>
    [Id(18)] public DateTimeOffset? ManageLinkSentAt { get; set; }

    /// <summary>The contact's name, email and phone are gone (retention period over, or erased on request); counts stay.</summary>
    [Id(19)] public bool Anonymised { get; set; }
}
