namespace Collaboration.Web.Mail;

/// <summary>Configuration section <c>Mail</c> (the delivery side; the schedule is <see cref="Grains.Mail.MailSchedule"/>).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailSmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender, e.g. <c>"Concertation Lanaudière &lt;notifications@exemple.ca&gt;"</c>.</summary>
    public string From { get; set; } = "Concertation <notifications@concertation.local>";

    /// <summary>Where .eml files go when no SMTP host is set; default <c>mail/</c> beside the SQLite file.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>
    /// The address links in messages start with (the site as people reach it). Required in Production;
    /// elsewhere, when unset, the address this node listens on (<see cref="MailLinks.Base"/>).
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
