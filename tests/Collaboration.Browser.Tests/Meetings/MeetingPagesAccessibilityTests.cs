using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Meetings;

[Collection(BrowserCollection.Name)]
public sealed class MeetingPagesAccessibilityTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("room", "fr")]
    [InlineData("room", "en")]
    [InlineData("list", "fr")]
    [InlineData("minutes", "fr")]
    public async Task MeetingPage_AsTheOrganiser_HasNoSeriousAccessibilityViolations(string which, string language)
    {
        // Arrange: a meeting in progress with something in every section (closed for the minutes)
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var tableId = (await Json(api.PostAsJsonAsync("/api/tables", new { name = "Table accessible", quorum = 1 }))).GetProperty("id").GetGuid();
        var memberId = (await Json(api.PostAsJsonAsync($"/api/tables/{tableId}/members", new { name = "Paul Ouellet", sector = "autre", email = "paul@exemple.qc.ca" }))).GetProperty("memberId").GetGuid();
        var meetingId = (await Json(api.PostAsJsonAsync("/api/meetings", new { tableId, title = "Rencontre accessible", startsAt = DateTimeOffset.UtcNow.ToString("O") }))).GetProperty("id").GetGuid();
        var item = (await Json(api.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new { title = "Point", plannedMinutes = 5 }))).GetProperty("current").GetProperty("id").GetGuid();
        await Json(api.PostAsync($"/api/meetings/{meetingId}/start", null));
        await Json(api.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{memberId}", new { status = "present" }));
        await Json(api.PostAsJsonAsync($"/api/meetings/{meetingId}/decisions", new { agendaItemId = item, text = "Adopté" }));
        await Json(api.PostAsJsonAsync($"/api/meetings/{meetingId}/action-items", new { text = "Suivre", ownerMemberId = memberId }));
        if (which == "minutes") await Json(api.PostAsync($"/api/meetings/{meetingId}/close", null));

        await using var session = await fixture.NewSessionAsync(output, new() { BypassCSP = true });
        var page = session.Page;
        await page.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword } });
        await page.GotoAsync(which switch { "room" => $"/meeting.html?id={meetingId}", "list" => $"/meetings.html?table={tableId}", _ => $"/minutes.html?id={meetingId}" });
        if (language == "en") await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.GetByText(which == "list" ? "Rencontre accessible" : "Adopté").First).ToBeVisibleAsync();

        // Act
        var violations = await Axe.SeriousViolationsAsync(page);

        // Assert
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static async Task<JsonElement> Json(Task<HttpResponseMessage> call)
    {
        var response = await call.WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
