using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>Arranges tables, members and meetings through the real API.</summary>
internal static class MeetingsTestKit
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(CallTimeout);

    public static async Task<JsonElement> OkJsonAsync(this Task<HttpResponseMessage> call)
    {
        var response = await call.WaitAsync(CallTimeout);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<Guid> CreateTableAsync(HttpClient organiser, string name = "Table régionale", int quorum = 2) =>
        (await organiser.PostAsJsonAsync("/api/tables", new { name, quorum }).OkJsonAsync()).GetProperty("id").GetGuid();

    /// <summary>Adds a member (a new address unless <paramref name="email"/> is given); returns their id and the token of their sign-in link.</summary>
    public static async Task<(Guid MemberId, string Token)> AddMemberAsync(
        HttpClient organiser, Guid tableId, string name, string role = "member", string sector = "communautaire", string? email = null)
    {
        var json = await organiser.PostAsJsonAsync($"/api/tables/{tableId}/members", new
        {
            name, organisation = "Organisme", sector, email = email ?? $"{Guid.NewGuid():N}@exemple.qc.ca", role,
        }).OkJsonAsync();
        var link = json.GetProperty("signInLink").GetString()!;
        return (json.GetProperty("memberId").GetGuid(), link[(link.IndexOf("#t=", StringComparison.Ordinal) + 3)..]);
    }

    /// <summary>A client signed in with the member's link (cookies kept), sending X-CSRF like the browser.</summary>
    public static async Task<HttpClient> MemberClientAsync(ConcertationFactory app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await client.PostAsJsonAsync("/api/tables/sign-in", new { token }).WaitAsync(CallTimeout)).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Signs a member in over real HTTP (Kestrel) and returns the cookie header value.</summary>
    public static async Task<string> MemberCookieAsync(Uri server, string token)
    {
        using var handler = new HttpClientHandler { UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = server };
        var response = await client.PostAsJsonAsync("/api/tables/sign-in", new { token }).WaitAsync(CallTimeout);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
    }

    public static async Task<Guid> CreateMeetingAsync(HttpClient organiser, Guid tableId, string title = "Rencontre", DateTimeOffset? startsAt = null) =>
        (await organiser.PostAsJsonAsync("/api/meetings", new
        {
            tableId, title, startsAt = (startsAt ?? DateTimeOffset.UtcNow).ToString("O"), location = "Salle du conseil",
        }).OkJsonAsync()).GetProperty("id").GetGuid();

    public static async Task<Guid> AddAgendaItemAsync(HttpClient client, Guid meetingId, string title, int minutes = 10) =>
        (await client.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new { title, presenter = "", plannedMinutes = minutes, notes = "" })
            .OkJsonAsync()).GetProperty("current").GetProperty("id").GetGuid();

    public static async Task<JsonElement> GetMeetingAsync(HttpClient client, Guid meetingId) =>
        (await client.GetAsync($"/api/meetings/{meetingId}").OkJsonAsync()).GetProperty("meeting");
}
