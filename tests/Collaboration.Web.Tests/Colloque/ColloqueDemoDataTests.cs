using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Web.Colloque;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

public sealed class ColloqueDemoDataTests
{
    [Fact]
    public async Task DemoColloque_HasSixtyAttendeesAcrossCategoriesAndMrcs_TwoDesks_AndSomeArrivals_ThatAddUp()
    {
        await using var app = new ConcertationFactory(settings: ("Seed:Demo", "true"));
        var organiser = await app.CreateOrganiserClientAsync().WaitAsync(Within);
        await MirroredAsync(app);

        var id = ColloqueDemoData.ColloqueId;
        var attendees = (await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{id}/attendees").WaitAsync(Within)).GetProperty("attendees");
        var stats = await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{id}/stats").WaitAsync(Within);

        Assert.Equal(60, attendees.GetArrayLength());
        Assert.Equal(6, attendees.EnumerateArray().Select(a => a.GetProperty("category").GetString()).Distinct().Count());
        Assert.Equal(7, attendees.EnumerateArray().Select(a => a.GetProperty("mrc").GetString()).Distinct().Count()); // the six, and outside
        Assert.Equal(["desk-entree", "desk-salle", "organiser"], stats.GetProperty("byDesk").EnumerateArray().Select(d => d.GetProperty("deskId").GetString()));
        Assert.Equal("Organisation", stats.GetProperty("byDesk")[2].GetProperty("name").GetString());
        Assert.Equal(12, stats.GetProperty("arrived").GetInt32());
        Assert.Equal(12, stats.GetProperty("byDesk").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        Assert.Equal(12, stats.GetProperty("byCategory").EnumerateObject().Sum(c => c.Value.GetInt32()));
        Assert.Contains("Lanaudière", stats.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DemoProgramme_IsOpenForRegistration_WithParallelAteliers_AndSelfRegisteredAttendees()
    {
        await using var app = new ConcertationFactory(settings: ("Seed:Demo", "true"));
        var organiser = await app.CreateOrganiserClientAsync().WaitAsync(Within);

        var view = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/colloques/{ColloqueProgrammeDemoData.ColloqueId}/public").WaitAsync(Within);
        var attendees = (await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{ColloqueProgrammeDemoData.ColloqueId}/attendees").WaitAsync(Within)).GetProperty("attendees");

        var registration = view.GetProperty("registration");
        Assert.True(registration.GetProperty("opensAt").GetDateTimeOffset() < DateTimeOffset.UtcNow && DateTimeOffset.UtcNow < registration.GetProperty("closesAt").GetDateTimeOffset());
        var ateliers = view.GetProperty("sessions").EnumerateArray().Where(s => s.GetProperty("kind").GetString() == "atelier").ToList();
        Assert.True(ateliers.GroupBy(s => s.GetProperty("startsAt").GetDateTimeOffset()).Any(g => g.Count() >= 2), "no parallel ateliers");
        Assert.Equal(12, attendees.GetArrayLength());
        Assert.Equal(12, view.GetProperty("places").GetProperty("confirmed").GetInt32());
        Assert.Contains("Joliette", view.GetProperty("venue").GetString());
    }
}
