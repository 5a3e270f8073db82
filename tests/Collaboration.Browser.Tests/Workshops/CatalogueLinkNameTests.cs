using System.Net.Http.Json;

namespace Collaboration.Browser.Tests.Workshops;

/// <summary>Issue 12, item 11: the catalogue's "Détails et inscription" links tell a screen reader which workshop each opens.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogueLinkNameTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task EachDetailsLink_IsNamedAfterItsWorkshop()
    {
        // Arrange
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var title = $"Recruter à Terrebonne {Guid.NewGuid():N}"[..30];
        var starts = DateTimeOffset.UtcNow.AddDays(9);
        (await api.PostAsJsonAsync("/api/workshops", new { titleFr = title, titleEn = "Recruiting in Terrebonne", startsAt = starts, endsAt = starts.AddHours(2), place = "Terrebonne", capacity = 8 }))
            .EnsureSuccessStatusCode();
        await using var session = await fixture.NewSessionAsync(output);

        // Act
        await session.Page.GotoAsync("/workshops/");

        // Assert
        await Expect(session.Page.GetByRole(AriaRole.Link, new() { Name = $"Détails et inscription : {title}", Exact = true })).ToBeVisibleAsync();
    }
}
