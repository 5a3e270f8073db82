using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Evaluations;

/// <summary>Calendar feeds, parsed back with Ical.Net: public workshops and programme, a member's meetings (cancelled shown so), revoked → 404.</summary>
public sealed class CalendarFeedTests(EvaluationsAppFixture fixture) : IClassFixture<EvaluationsAppFixture>
{
    [Fact]
    public async Task PublicFeeds_Parse_WithTheWorkshopsAndTheProgramme()
    {
        var session = await fixture.CreateSessionAsync();
        var workshops = Ical.Net.Calendar.Load(await fixture.App.CreateClient().GetStringAsync("/calendar/workshops.ics"))!;
        Assert.Contains(workshops.Events, e => e.Uid == $"{session:D}@concertation" && e.DtStart!.TzId == "America/Toronto");

        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40));
        var colloque = (await fixture.Organiser.PostAsJsonAsync("/api/colloques", new { title = "Colloque régional", date = day.ToString("yyyy-MM-dd"), venue = "Joliette" })
            .OkJsonAsync()).GetProperty("id").GetGuid();
        var starts = new DateTimeOffset(day.ToDateTime(new TimeOnly(13, 0)), TimeSpan.Zero);
        (await fixture.Organiser.PostAsJsonAsync($"/api/colloques/{colloque}/sessions", new
        {
            titleFr = "Atelier : l'accueil", titleEn = "Workshop: welcoming", kind = "atelier", room = "B-12",
            startsAt = starts, endsAt = starts.AddHours(1), capacity = 20, speakers = Array.Empty<object>(),
        })).EnsureSuccessStatusCode();
        var programme = Ical.Net.Calendar.Load(await fixture.App.CreateClient().GetStringAsync($"/calendar/colloque/{colloque}.ics"))!;
        Assert.Equal("Atelier : l'accueil / Workshop: welcoming", programme.Events.Single().Summary);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.App.CreateClient().GetAsync($"/calendar/colloque/{Guid.NewGuid()}.ics")).StatusCode);
    }

    [Fact]
    public async Task MemberFeed_HasTheTablesMeetings_ShowsCancelled_ResetsAndAnswers404OnceRevoked()
    {
        // Arrange: a member of a table with two meetings, one cancelled after its notice went.
        var table = await CreateTableAsync(fixture.Organiser, "Table des partenaires");
        var (memberId, token) = await AddMemberAsync(fixture.Organiser, table, "Josée Léger");
        var held = await CreateMeetingAsync(fixture.Organiser, table, "Rencontre de janvier", DateTimeOffset.UtcNow.AddDays(20));
        var cancelled = await CreateMeetingAsync(fixture.Organiser, table, "Rencontre annulée", DateTimeOffset.UtcNow.AddDays(30));
        await AddAgendaItemAsync(fixture.Organiser, cancelled, "Ouverture");
        (await fixture.Organiser.PostAsync($"/api/meetings/{cancelled}/notice", null)).EnsureSuccessStatusCode();
        (await fixture.Organiser.PostAsync($"/api/meetings/{cancelled}/cancel", null)).EnsureSuccessStatusCode();
        var member = await MemberClientAsync(fixture.App, token);

        // Act: the member's page asks for their feed.
        var feeds = await member.GetAsync("/api/calendar/feeds").OkJsonAsync();
        var link = feeds.EnumerateArray().Single();
        var url = new Uri(link.GetProperty("url").GetString()!);
        Assert.StartsWith("webcal://", link.GetProperty("webcalUrl").GetString());
        var calendar = Ical.Net.Calendar.Load(await fixture.App.CreateClient().GetStringAsync(url.PathAndQuery))!;

        // Assert: both meetings, same UID and SEQUENCE as the notices; the cancelled one says so.
        Assert.Equal("CONFIRMED", calendar.Events.Single(e => e.Uid == $"{held:D}@concertation").Status);
        var gone = calendar.Events.Single(e => e.Uid == $"{cancelled:D}@concertation");
        Assert.Equal("CANCELLED", gone.Status);
        Assert.Equal(1, gone.Sequence); // the notice went at 0, its cancellation at 1: the feed follows the same SEQUENCE
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.CreateClient().GetAsync("/api/calendar/feeds")).StatusCode);

        // A reset gives a new address; the old one stops.
        var reset = await member.PostAsync($"/api/calendar/feeds/{table}/reset", null).OkJsonAsync();
        var newUrl = new Uri(reset.GetProperty("url").GetString()!);
        Assert.NotEqual(url, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.App.CreateClient().GetAsync(url.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClient().GetAsync(newUrl.PathAndQuery)).StatusCode);

        // Act 2: the member is revoked. Assert: their feed answers 404.
        (await fixture.Organiser.PostAsync($"/api/tables/{table}/members/{memberId}/revoke", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.App.CreateClient().GetAsync(newUrl.PathAndQuery)).StatusCode);
    }
}
