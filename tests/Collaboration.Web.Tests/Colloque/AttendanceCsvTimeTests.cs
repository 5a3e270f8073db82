using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>Issue 12, item 9: the attendance export gives arrival times in Québec time, and says so.</summary>
public sealed class AttendanceCsvTimeTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ArrivalTimes_AreInQuebecTime()
    {
        // Arrange
        var organiser = await _app.CreateOrganiserClientAsync();
        var colloque = (await (await organiser.PostAsJsonAsync("/api/colloques", new { title = "Colloque", date = "2026-11-26", venue = "Joliette" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var code = (await (await organiser.PostAsJsonAsync($"/api/colloques/{colloque}/registrations", new { name = "Anne Roy", category = "mrc" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        (await organiser.PostAsJsonAsync($"/api/colloques/{colloque}/checkins", new { code, nonce = "n1" })).EnsureSuccessStatusCode();
        var registration = await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/registrations/{code}");
        var arrivedAt = registration.GetProperty("registration").GetProperty("checkIn").GetProperty("at").GetDateTimeOffset();
        var quebec = TimeZoneInfo.ConvertTime(arrivedAt, TimeZoneInfo.FindSystemTimeZoneById("America/Toronto"));

        // Act
        var csv = await organiser.GetStringAsync($"/api/colloques/{colloque}/attendance.csv");

        // Assert
        Assert.Contains("Arrivée (heure du Québec)", csv);
        Assert.Contains(quebec.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), csv);
        Assert.NotEqual(quebec.Hour, arrivedAt.UtcDateTime.Hour); // the export is not UTC in disguise
    }
}
