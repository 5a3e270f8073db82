using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Meetings;

/// <summary>
/// A member who opens a meeting's or minutes' link on a device where they are not signed in (the notice's link on
/// a phone) is not left at a dead end: the page takes them to sign in, where they can ask for a new sign-in link.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberWayBackTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/meeting.html", Viewports.Phone)]
    [InlineData("/minutes.html", Viewports.Desktop)]
    public async Task AMeetingLink_OnADeviceNotSignedIn_LeadsToTheSignInLinkRequest_AndBackToTheMeeting(string page, string viewport)
    {
        // Arrange: a meeting of a table
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var tableId = (await PostAsync(api, "/api/tables", new { name = "Table du lien", quorum = 1 })).GetProperty("id").GetGuid();
        var meetingId = (await PostAsync(api, "/api/meetings", new { tableId, title = "Rencontre du lien", startsAt = DateTimeOffset.UtcNow.ToString("O") })).GetProperty("id").GetGuid();
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport));

        // Act: the link, opened where nobody is signed in
        await session.Page.GotoAsync($"{page}?id={meetingId}");

        // Assert: the sign-in page, which offers the sign-in link by email, and comes back to the meeting
        await Expect(session.Page).ToHaveURLAsync(new Regex($"/login\\.html\\?returnUrl=.*{meetingId}"));
        await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "M’envoyer un lien" })).ToBeVisibleAsync();
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
