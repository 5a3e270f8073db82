using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Web.Tests.Mail;

/// <summary>What the delivery tests do on an app of their own: an organiser, sessions, registrations, the outbox view.</summary>
public sealed class MailAppClient(ConcertationFactory app) : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private HttpClient? _organiser;

    public HttpClient Organiser => _organiser ??= app.CreateOrganiserClientAsync().GetAwaiter().GetResult();

    public async Task<Guid> CreateSessionAsync(int capacity, DateTimeOffset? startsAt = null)
    {
        var starts = startsAt ?? DateTimeOffset.UtcNow.AddDays(7);
        var response = await Organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Intégrer en emploi", titleEn = "Onboarding at work", descriptionFr = "Atelier", descriptionEn = "Workshop",
            startsAt = starts, endsAt = starts.AddHours(2), place = "Hôtel de ville, Terrebonne", capacity,
            registrationOpensAt = starts.AddDays(-30),
        }).WaitAsync(Timeout);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> RegisterAsync(Guid session, string email)
    {
        var response = await app.CreateClient().PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = "Meubles Lanaudière", contactName = "Karim Haddad", email, seats = 1, sector = "Fabrication", consent = true,
        }).WaitAsync(Timeout);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> OutboxAsync(Guid session) =>
        await Organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/outbox").WaitAsync(Timeout);

    /// <summary>The signed one-click unsubscribe link of a registration, as the reminder would carry it.</summary>
    public async Task<Uri> UnsubscribeLinkAsync(Guid session, string email)
    {
        var registrants = await Organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/registrants").WaitAsync(Timeout);
        var code = registrants.EnumerateArray().Single(r => r.GetProperty("email").GetString() == email).GetProperty("code").GetString()!;
        return app.Services.GetRequiredService<Web.Mail.MailLinks>().UnsubscribeUrl(session, code);
    }

    public ValueTask DisposeAsync()
    {
        _organiser?.Dispose();
        return ValueTask.CompletedTask;
    }
}
