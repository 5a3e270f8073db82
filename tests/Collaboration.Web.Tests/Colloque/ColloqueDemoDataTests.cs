using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Web.Colloque;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

public sealed class ColloqueDemoDataTests
{
    [Fact]
    public async Task DemoColloque_HasSixtyAttendeesAcrossCategories_TwoDesks_AndSomeArrivals()
    {
        await using var app = new ConcertationFactory(settings: ("Seed:Demo", "true"));
        var organiser = await app.CreateOrganiserClientAsync().WaitAsync(Within);
        await MirroredAsync(app);

        var id = ColloqueDemoData.ColloqueId;
        var attendees = (await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{id}/attendees").WaitAsync(Within)).GetProperty("attendees");
        var stats = await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{id}/stats").WaitAsync(Within);

        Assert.Equal(60, attendees.GetArrayLength());
        Assert.Equal(6, attendees.EnumerateArray().Select(a => a.GetProperty("category").GetString()).Distinct().Count());
        Assert.Equal(2, stats.GetProperty("byDesk").GetArrayLength());
        Assert.Equal(12, stats.GetProperty("arrived").GetInt32());
    }
}
