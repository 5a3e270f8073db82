using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;
using static Collaboration.Web.Tests.Colloque.SignupKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>The day itself: a waitlisted attendee at the door, and a room screen going on after a break.</summary>
public sealed class DoorAndScreenTests(SignupsAppFixture fixture) : IClassFixture<SignupsAppFixture>
{
    private HttpClient Organiser => fixture.Organiser;

    [Fact]
    public async Task WaitlistedAttendeeAtTheDoor_IsAdmittedInOneClickByTheOrganiser_ButNotByADesk()
    {
        // Arrange: one place; Alice has it, Benoît waits.
        var colloque = await CreateColloqueAsync(Organiser);
        await OpenRegistrationAsync(Organiser, colloque, total: 1);
        var anonymous = fixture.Anonymous();
        await SignedUpAsync(anonymous, colloque, Signup("Alice Gagnon", "alice.porte@exemple.qc.ca"));
        var benoit = await SignedUpAsync(anonymous, colloque, Signup("Benoît Roy", "benoit.porte@exemple.qc.ca"));
        Assert.Equal("waitlisted", benoit.GetProperty("status").GetString());
        var desk = await PairedDeskAsync(fixture.App, Organiser, colloque, "Accueil 1");

        // Act: the desk scans him, then tries the override; the organiser admits him.
        var scanned = await ScanAsync(desk, colloque, Code(benoit));
        var deskOverride = await desk.PostAsJsonAsync($"/api/colloques/{colloque}/checkins",
            new { code = Code(benoit), nonce = Guid.NewGuid().ToString(), @override = true }).WaitAsync(Within);
        var admitted = await Organiser.PostAsJsonAsync($"/api/colloques/{colloque}/checkins",
            new { code = Code(benoit), nonce = Guid.NewGuid().ToString(), @override = true }).WaitAsync(Within);

        // Assert: waitlisted for the desk, refused its override, checked in by the organiser with a place beyond the quota.
        Assert.Equal("waitlisted", scanned.GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, deskOverride.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal("checkedIn", (await admitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        var place = await anonymous.SendAsync(Manage(HttpMethod.Get, Code(benoit), Token(benoit))).WaitAsync(Within);
        Assert.Equal("confirmed", (await place.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var again = await ScanAsync(desk, colloque, Code(benoit));
        Assert.Equal("alreadyCheckedIn", again.GetProperty("result").GetString());
    }

    [Fact]
    public async Task AdvanceAfterABreak_GoesToTheSessionAfterTheLastOneShown()
    {
        // Arrange: three sessions in one room; the screen shows the second, then a break.
        var colloque = await CreateColloqueAsync(Organiser);
        await AddSessionAsync(Organiser, colloque, "Ouverture", "plenary", "Grande salle", 9);
        var panel = await AddSessionAsync(Organiser, colloque, "Panel des élu·es", "panel", "Grande salle", 10);
        var closing = await AddSessionAsync(Organiser, colloque, "Clôture", "plenary", "Grande salle", 11);
        var now = await Organiser.PutAsJsonAsync($"/api/colloques/{colloque}/rooms/Grande salle/now", new { sessionId = panel }).WaitAsync(Within);
        var pause = await Organiser.PutAsJsonAsync($"/api/colloques/{colloque}/rooms/Grande salle/now", new { sessionId = (Guid?)null }).WaitAsync(Within);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (now.StatusCode, pause.StatusCode));

        // Act
        var advanced = await Organiser.PostAsync($"/api/colloques/{colloque}/rooms/Grande salle/advance", null).WaitAsync(Within);

        // Assert: the closing session (after the panel), not the opening one (the first not yet ended).
        Assert.Equal(closing, (await advanced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid());
        var rooms = (await PublicAsync(fixture.Anonymous(), colloque)).GetProperty("rooms").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(closing, rooms["Grande salle"].GetProperty("sessionId").GetGuid());
    }
}
