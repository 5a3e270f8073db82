using Collaboration.Testing;

namespace Collaboration.Browser.Tests.Mail;

/// <summary>The browser fixture's app, sending its emails to a loopback SMTP server the test controls.</summary>
public sealed class MailBrowserFixture : BrowserAppFixture, IAsyncLifetime
{
    public LoopbackSmtpServer Smtp { get; } = LoopbackSmtpServer.Start();

    /// <summary>The app and browser go first, then the SMTP server.</summary>
    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Mail:Smtp:Host"] = "127.0.0.1";
        settings["Mail:Smtp:Port"] = Smtp.Port.ToString();
        settings["Mail:Smtp:Security"] = "None";
        settings["Mail:RetryBaseDelay"] = "00:00:00.200";
        settings["Effects:RedrivePeriod"] = "00:00:02";
        settings["Orleans:ReminderOptions:MinimumReminderPeriod"] = "00:00:01";
    }
}
