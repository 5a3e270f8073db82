using System.Net;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>A signed-in non-organiser on an organiser-only page (the Orleans dashboard, the team page) gets a bilingual 403 page.</summary>
[Collection(TeamCollection.Name)]
public sealed class AccessDeniedTests(TeamAppFixture team)
{
    private static readonly TimeSpan Timeout = TeamAppFixture.Timeout;

    [Theory]
    [InlineData("/orleans", "fr", "Cette page est réservée aux organisatrices et organisateurs.")]
    [InlineData("/equipe", "en", "This page is for organisers.")]
    public async Task OrganiserOnlyPage_SendsAMember_ToTheAccessRefusedPage_InTheirLanguage(string path, string language, string text)
    {
        // Arrange: a table member, signed in with their link.
        var table = await CreateTableAsync(team.Organiser, $"Table {Guid.NewGuid():N}");
        var (_, token) = await AddMemberAsync(team.Organiser, table, "Membre curieux");
        var member = await MemberClientAsync(team.App, token);
        (await member.GetAsync($"/?lang={language}").WaitAsync(Timeout)).EnsureSuccessStatusCode(); // the language they chose earlier

        // Act
        var response = await member.GetAsync(path).WaitAsync(Timeout);
        var body = await response.Content.ReadAsStringAsync();

        // Assert: the page exists, says why, and is a 403 (followed from the redirect).
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("/acces-refuse", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(text, body);
    }
}
