using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Colloque;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>The registration is the truth; the colloque's figures catch up after a crash between the two writes.</summary>
public sealed class AggregateRepairTests
{
    [Fact]
    public async Task CheckInWhoseAggregateUpdateWasLost_IsRepaired_ByTheNextScan_AndByARebuild()
    {
        // Arrange: two check-ins reach their registration grains but not the colloque (as if the node died in between).
        await using var app = new ConcertationFactory();
        var organiser = await app.CreateOrganiserClientAsync().WaitAsync(Within);
        var colloque = await CreateColloqueAsync(organiser);
        var rescanned = await RegisterAsync(organiser, colloque, "Hélène Gagnon", "institution");
        var rebuilt = await RegisterAsync(organiser, colloque, "Marc Roy", "mrc");
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        foreach (var code in new[] { rescanned, rebuilt })
            await grains.GetGrain<IRegistrationGrain>(code).CheckInAsync(new CheckInRequest(colloque, "lost-" + code, "d1", "Accueil 1", "Sam")).WaitAsync(Within);
        var before = await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats").WaitAsync(Within);

        // Act
        var again = await ScanAsync(organiser, colloque, rescanned);
        await MirroredAsync(app);
        var afterScan = await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats").WaitAsync(Within);
        var rebuild = await organiser.PostAsync($"/api/colloques/{colloque}/stats/rebuild", null).WaitAsync(Within);
        var afterRebuild = await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats").WaitAsync(Within);

        // Assert
        Assert.Equal(0, before.GetProperty("arrived").GetInt32());
        Assert.Equal("already-checked-in", again.GetProperty("result").GetString());
        Assert.Equal(1, afterScan.GetProperty("arrived").GetInt32());
        Assert.Equal(1, (await rebuild.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetInt32());
        Assert.Equal(2, afterRebuild.GetProperty("arrived").GetInt32());
        Assert.Equal(1, afterRebuild.GetProperty("byCategory").GetProperty("mrc").GetInt32());
        Assert.Equal(0, (await (await organiser.PostAsync($"/api/colloques/{colloque}/stats/rebuild", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetInt32());
    }
}
