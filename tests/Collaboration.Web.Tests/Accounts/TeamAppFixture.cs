using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>
/// One app (SQLite) sending to a loopback SMTP server, on a clock three hours behind that a test may
/// move up (a link's expiry); shared by the team tests, each with accounts of its own.
/// </summary>
public sealed class TeamAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public const string Password = "Une phrase de passe bien longue";

    public LoopbackSmtpServer Smtp { get; } = LoopbackSmtpServer.Start();

    public ShiftedClock Clock { get; } = new(TimeSpan.FromHours(-3));

    public ConcertationFactory App { get; private set; } = null!;

    public HttpClient Organiser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new ConcertationFactory(null, false, s => s.AddSingleton<TimeProvider>(Clock), MailSettings.For(Smtp.Port));
        Organiser = await App.CreateOrganiserClientAsync().WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>A client that sends X-CSRF like the browser and keeps its cookies.</summary>
    public HttpClient Client()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return client;
    }

    /// <summary>The first message to <paramref name="to"/> whose subject contains <paramref name="subject"/>, after the first <paramref name="skip"/> such.</summary>
    public async Task<ReceivedMail> MailAsync(string to, string subject, int skip = 0)
    {
        var found = await Poll.UntilAsync(
            () => Task.FromResult(Smtp.Received.Select(m => new ReceivedMail(m)).Where(m => m.To == to && m.Subject.Contains(subject, StringComparison.Ordinal)).Skip(skip).FirstOrDefault()),
            m => m is not null, Timeout, $"a message '{subject}' to {to}");
        return found!;
    }

    /// <summary>The token of an emailed link (/equipe/invitation#t=…, /mot-de-passe/nouveau#t=…).</summary>
    public static string TokenOf(Uri link) => Uri.UnescapeDataString(link.Fragment.TrimStart('#')["t=".Length..]);

    /// <summary>Invites <paramref name="email"/>, accepts from the email, and returns the invitee's signed-in client.</summary>
    public async Task<HttpClient> NewOrganiserAsync(string email, string name = "Nouvelle organisatrice")
    {
        (await Organiser.PostAsJsonAsync("/api/organisers/invitations", new { email, displayName = name }).WaitAsync(Timeout)).EnsureSuccessStatusCode();
        var invitation = await MailAsync(email, "Invitation");
        var client = Client();
        var accepted = await client.PostAsJsonAsync("/api/organisers/invitations/accept",
            new { token = TokenOf(invitation.Link("/equipe/invitation")), password = Password }).WaitAsync(Timeout);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        return client;
    }

    public async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/me").WaitAsync(Timeout)).GetProperty("signedIn").GetBoolean();

    public async Task<JsonElement> TeamMemberAsync(string email) =>
        (await Organiser.GetFromJsonAsync<JsonElement>("/api/organisers").WaitAsync(Timeout)).EnumerateArray().Single(o => o.GetProperty("email").GetString() == email);
}
