using System.Net.Http.Json;
using Collaboration.Testing;
using MimeKit;

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

    /// <summary>An API client signed in as the bootstrap organiser, sending X-CSRF like the browser.</summary>
    public async Task<HttpClient> OrganiserApiAsync()
    {
        var api = CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = OrganiserEmail, password = OrganiserPassword })).EnsureSuccessStatusCode();
        return api;
    }

    /// <summary>The latest message to <paramref name="to"/> whose subject starts so, once the SMTP server has it.</summary>
    public async Task<MimeMessage> ReceivedAsync(string to, string subjectStart, TimeSpan timeout)
    {
        MimeMessage? found = null;
        await Poll.UntilAsync(() => Task.FromResult((found = Smtp.Received.LastOrDefault(m =>
            m.To.Mailboxes.Single().Address == to && m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true)) is not null),
            timeout, $"\"{subjectStart}\" to {to}");
        return found!;
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
