using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Colloque;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>The registration is the truth; the colloque's figures follow it through the after-commit path, and the rebuild is only an operator's tool.</summary>
public sealed class AggregateRepairTests
{
    [Fact]
    public async Task CheckInMadeOnTheGrain_ReachesTheFigures_WithoutARequestOrARebuild_AndARebuildFindsNothingToChange()
    {
        // Arrange
        await using var app = new ConcertationFactory();
        var organiser = await app.CreateOrganiserClientAsync().WaitAsync(Within);
        var colloque = await CreateColloqueAsync(organiser);
        var first = await RegisterAsync(organiser, colloque, "Hélène Gagnon", "institution");
        var second = await RegisterAsync(organiser, colloque, "Marc Roy", "mrc");
        var grains = app.Services.GetRequiredService<IGrainFactory>();

        // Act: the registration grains decide; the figures hear of it through the after-commit path.
        foreach (var code in new[] { first, second })
            await grains.GetGrain<IRegistrationGrain>(code).CheckInAsync(new CheckInRequest(colloque, "grain-" + code, "d1", "Accueil 1", "Sam")).WaitAsync(Within);
        var again = await ScanAsync(organiser, colloque, first);
        await MirroredAsync(app);
        var stats = await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats").WaitAsync(Within);
        var rebuild = await organiser.PostAsync($"/api/colloques/{colloque}/stats/rebuild", null).WaitAsync(Within);

        // Assert
        Assert.Equal("alreadyCheckedIn", again.GetProperty("result").GetString());
        Assert.Equal(2, stats.GetProperty("arrived").GetInt32());
        Assert.Equal(1, stats.GetProperty("byCategory").GetProperty("mrc").GetInt32());
        Assert.Equal(0, (await rebuild.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetInt32());
    }
}
