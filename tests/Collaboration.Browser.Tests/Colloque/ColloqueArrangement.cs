using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Colloque;

/// <summary>
/// A colloque set up through the API as an organiser would, for the browser tests: open for registration
/// (total 300, the employer quota given) in Joliette, with sessions added one by one.
/// </summary>
internal sealed class ColloqueArrangement
{
    /// <summary>The colloque's day: 13:00 UTC thirty days ahead (9:00 in Québec).</summary>
    public static readonly DateTimeOffset Morning = DateTimeOffset.UtcNow.Date.AddDays(30).AddHours(13);

    private ColloqueArrangement(HttpClient organiser, Guid colloque)
    {
        Organiser = organiser;
        Colloque = colloque;
    }

    /// <summary>Signed in as the organiser, with the CSRF header.</summary>
    public HttpClient Organiser { get; }

    public Guid Colloque { get; }

    public static async Task<ColloqueArrangement> OpenAsync(BrowserAppFixture fixture, int employerQuota = 50)
    {
        var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })
            .WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        var created = await api.PostAsJsonAsync("/api/colloques", new { title = "Colloque régional en immigration", date = Morning.ToString("yyyy-MM-dd"), venue = "Cégep régional de Lanaudière à Joliette" })
            .WaitAsync(Timeouts.Http);
        var colloque = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PutAsJsonAsync($"/api/colloques/{colloque}/registration-settings", new
        {
            opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(20), totalCapacity = 300, waitlistCapacity = 100_000,
            categoryCapacity = new { employer = employerQuota }, venueAddress = "20, rue Saint-Charles-Borromée Sud, Joliette",
        }).WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        return new(api, colloque);
    }

    /// <summary>A one-hour session starting <paramref name="hour"/> hours after <see cref="Morning"/>, with one speaker.</summary>
    public async Task<Guid> SessionAsync(string title, string kind, string room, int hour, int? capacity = null)
    {
        var response = await Organiser.PostAsJsonAsync($"/api/colloques/{Colloque}/sessions", new
        {
            titleFr = title, titleEn = title + " (EN)", kind, room, startsAt = Morning.AddHours(hour), endsAt = Morning.AddHours(hour + 1), capacity,
            speakers = new[] { new { name = "Josée Drapeau", organisation = "Lanaudière Économique" } },
        }).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid();
    }
}
