using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Colloque;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>Random colloque ids cost nothing: the colloque index answers them, no grain is activated.</summary>
public sealed class UnknownColloqueTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("GET", "public")]
    [InlineData("GET", "calendar.ics")]
    [InlineData("POST", "signups")]
    public async Task UnknownColloqueId_Is404_WithoutActivatingAColloqueGrain(string method, string route)
    {
        // Arrange
        var id = Guid.NewGuid();
        var grains = _app.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var anonymous = _app.CreateClient();

        // Act
        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/colloques/{id}/{route}")
        {
            Content = method == "POST" ? JsonContent.Create(SignupKit.Signup("Ana Roy", "ana@exemple.qc.ca")) : null,
        }).WaitAsync(Within);

        // Assert: 404 "unknown-colloque"; neither the colloque nor its sign-ups grain was activated.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown-colloque", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Null(await management.GetActivationAddress(grains.GetGrain<IColloqueGrain>(id)).AsTask().WaitAsync(Within));
        Assert.Null(await management.GetActivationAddress(grains.GetGrain<IColloqueSignupsGrain>(id)).AsTask().WaitAsync(Within));
    }

    [Fact]
    public async Task KnownColloque_IsStillAnswered()
    {
        var organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Within);
        var colloque = await CreateColloqueAsync(organiser);

        var response = await _app.CreateClient().GetAsync($"/api/colloques/{colloque}/public").WaitAsync(Within);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
