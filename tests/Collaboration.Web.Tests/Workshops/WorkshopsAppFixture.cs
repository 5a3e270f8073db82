using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Web.Tests.Workshops;

/// <summary>One app (real Kestrel, SQLite) shared by the workshop API tests; each test makes its own sessions.</summary>
public sealed class WorkshopsAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public ConcertationFactory App { get; } = new(kestrel: true);

    public HttpClient Organiser { get; private set; } = null!;

    public async Task InitializeAsync() => Organiser = await App.CreateOrganiserClientAsync().WaitAsync(Timeout);

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>An anonymous client, as an employer's browser.</summary>
    public HttpClient Anonymous() => App.CreateClient();

    public async Task<Guid> CreateSessionAsync(int capacity, string titleFr = "Accueillir des travailleurs immigrants")
    {
        var starts = DateTimeOffset.UtcNow.AddDays(7);
        var response = await Organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr, titleEn = "Welcoming immigrant workers", descriptionFr = "Atelier", descriptionEn = "Workshop",
            startsAt = starts, endsAt = starts.AddHours(3), place = "Salle 2, Rimouski", capacity,
        }).WaitAsync(Timeout);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static object Registration(string organisation, string email, int seats = 1, string contactName = "Mélanie Côté") => new
    {
        organisation, contactName, email, phone = "418 555-0142", seats, sector = "Alimentation", consent = true,
    };

    public async Task<JsonElement> RegisterAsync(Guid session, object registration)
    {
        var response = await Anonymous().PostAsJsonAsync($"/api/workshops/{session}/registrations", registration).WaitAsync(Timeout);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> RegistrantsAsync(Guid session) =>
        await Organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/registrants").WaitAsync(Timeout);
}
