namespace Collaboration.Web.Tests.Mail;

/// <summary>An app's mail settings for a loopback SMTP server, with short retries and re-drives so tests end soon.</summary>
public static class MailSettings
{
    public const string PublicBaseUrl = "http://concertation.test";

    public static (string Key, string? Value)[] For(int smtpPort, params (string Key, string? Value)[] more) =>
    [
        ("Mail:Smtp:Host", "127.0.0.1"),
        ("Mail:Smtp:Port", smtpPort.ToString()),
        ("Mail:Smtp:Security", "None"),
        ("Mail:From", "Concertation Lanaudière <notifications@concertation.test>"),
        ("Mail:PublicBaseUrl", PublicBaseUrl),
        ("Mail:RetryBaseDelay", "00:00:00.200"),
        ("Mail:RetryMaxDelay", "00:00:01"),
        ("Effects:RedrivePeriod", "00:00:02"),
        ("Orleans:ReminderOptions:MinimumReminderPeriod", "00:00:01"),
        .. more,
    ];
}
