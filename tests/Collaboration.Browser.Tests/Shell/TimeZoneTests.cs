using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Shell;

/// <summary>Issue 12, item 9: everything shown and typed is Québec time (America/Toronto), labelled, whatever the device's zone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimeZoneTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Viewports.Desktop, "Asia/Tokyo")]
    [InlineData(Viewports.Phone, "America/Vancouver")]
    public async Task AMeetingStart_TypedOnADeviceInAnotherZone_IsQuebecTime_AndShownSo(string viewport, string deviceZone)
    {
        // Arrange
        var samples = await fixture.SamplePagesAsync();
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport, new() { TimezoneId = deviceZone }));
        var page = session.Page;
        await SamplePages.OpenAsync(session, samples["meetings"]);
        var title = $"Rencontre de janvier ({deviceZone})";

        // Act
        await page.GetByLabel("Titre").FillAsync(title);
        await page.GetByLabel("Début (AAAA-MM-JJ HH:MM, heure du Québec)").FillAsync("2027-01-20 13:30");
        await page.Locator("[data-new-meeting]").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/meeting\\.html\\?id="));

        // Assert: stored as 13:30 in Québec (18:30 UTC), shown so in both languages
        var id = new Uri(page.Url).Query.Split('=')[1];
        using var api = fixture.CreateApiClient();
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var meeting = (await api.GetFromJsonAsync<JsonElement>($"/api/meetings/{id}")).GetProperty("meeting");
        Assert.Equal(new DateTimeOffset(2027, 1, 20, 18, 30, 0, TimeSpan.Zero), meeting.GetProperty("startsAt").GetDateTimeOffset());
        var meta = page.Locator("[data-meeting-meta]");
        await Expect(meta).ToContainTextAsync("20 janvier 2027 à 13 h 30 (heure du Québec)");
        await session.SwitchLanguageAsync();
        await Expect(meta).ToContainTextAsync("January 20, 2027 at 1:30 p.m. (Québec time)");
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task AWorkshop_IsShownInQuebecTime_OnADeviceInEurope(string viewport)
    {
        // Arrange: a session from 13:30 to 15:30 Québec time
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var starts = new DateTimeOffset(2027, 3, 4, 13, 30, 0, TimeSpan.FromHours(-5));
        var created = await api.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier de mars", titleEn = "March workshop", startsAt = starts, endsAt = starts.AddHours(2), place = "Joliette", capacity = 10,
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport, new() { TimezoneId = "Europe/Paris", Locale = "en-GB" }));

        // Act
        await session.Page.GotoAsync($"/workshops/session.html?id={id}");

        // Assert
        var when = session.Page.Locator("[data-field=when]");
        await Expect(when).ToHaveTextAsync("jeudi 4 mars 2027, 13 h 30 – 15 h 30 (heure du Québec)");
        await session.SwitchLanguageAsync();
        await Expect(when).ToHaveTextAsync("Thursday, March 4, 2027, 1:30 p.m. – 3:30 p.m. (Québec time)");
    }
}
