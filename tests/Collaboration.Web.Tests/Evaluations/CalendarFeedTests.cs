using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Evaluations;

/// <summary>
/// Calendar feeds, parsed back with Ical.Net: public workshops and programme; a person's one feed with every meeting of all
/// their Tables (cancelled shown so, a series with its RRULE), reset, and 404 once revoked.
/// </summary>
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
    public async Task PersonFeed_CombinesAllTheirTables_WithTheNoticesUidsAndSequence_CancelledAndTheSeriesRecurrence()
    {
        // Arrange: one person at two Tables (one address, a member id per Table); a meeting at each, the second cancelled
        // after its notice went; the first Table meets in a series, one meeting of which exists already.
        var email = $"{Guid.NewGuid():N}@exemple.qc.ca";
        var tableA = await CreateTableAsync(fixture.Organiser, "Table des partenaires");
        var tableB = await CreateTableAsync(fixture.Organiser, "Comité employeurs");
        var (_, token) = await AddMemberAsync(fixture.Organiser, tableA, "Josée Léger", email: email);
        await AddMemberAsync(fixture.Organiser, tableB, "Josée Léger", email: email.ToUpperInvariant());
        var held = await CreateMeetingAsync(fixture.Organiser, tableA, "Rencontre de janvier", DateTimeOffset.UtcNow.AddDays(20));
        var cancelled = await CreateMeetingAsync(fixture.Organiser, tableB, "Rencontre annulée", DateTimeOffset.UtcNow.AddDays(30));
        await AddAgendaItemAsync(fixture.Organiser, cancelled, "Ouverture");
        (await fixture.Organiser.PostAsync($"/api/meetings/{cancelled}/notice", null)).EnsureSuccessStatusCode();
        (await fixture.Organiser.PostAsync($"/api/meetings/{cancelled}/cancel", null)).EnsureSuccessStatusCode();
        (await fixture.Organiser.PutAsJsonAsync($"/api/tables/{tableA}/series", new
        {
            title = "Rencontre régulière", location = "Joliette", week = 3, day = "wednesday", time = "13:30", standingItems = Array.Empty<object>(),
        })).EnsureSuccessStatusCode();
        var next = (await fixture.Organiser.GetAsync($"/api/tables/{tableA}/series").OkJsonAsync()).GetProperty("series").GetProperty("nextStartsAt").GetString();
        var fromSeries = (await fixture.Organiser.PostAsJsonAsync($"/api/tables/{tableA}/series/next", new { startsAt = next }).OkJsonAsync()).GetProperty("id").GetGuid();
        var member = await MemberClientAsync(fixture.App, token); // signed in at the first Table only

        // Act: the member's page asks for their feed; a calendar app reads it.
        var link = await member.GetAsync("/api/calendar/feed").OkJsonAsync();
        var url = new Uri(link.GetProperty("url").GetString()!);
        var calendar = Ical.Net.Calendar.Load(await fixture.App.CreateClient().GetStringAsync(url.PathAndQuery))!;

        // Assert: one address for both Tables; each meeting under its notice's UID and SEQUENCE, the cancelled one says so.
        Assert.StartsWith("webcal://", link.GetProperty("webcalUrl").GetString());
        Assert.Equal(new[] { "Comité employeurs", "Table des partenaires" }, link.GetProperty("tables").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("CONFIRMED", calendar.Events.Single(e => e.Uid == $"{held:D}@concertation").Status);
        var gone = calendar.Events.Single(e => e.Uid == $"{cancelled:D}@concertation");
        Assert.Equal("CANCELLED", gone.Status);
        Assert.Equal(1, gone.Sequence); // the notice went at 0, its cancellation at 1: the feed follows the same SEQUENCE
        // The series is one recurring event (the same builder as its own file), without the date whose meeting exists.
        var series = calendar.Events.Single(e => e.Uid == $"series-{tableA:D}@concertation");
        Assert.Equal("FREQ=MONTHLY;BYDAY=3WE", series.RecurrenceRule!.ToString());
        Assert.Contains(calendar.Events, e => e.Uid == $"{fromSeries:D}@concertation");
        var occurrence = DateTimeOffset.Parse(next!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(series.GetOccurrences(series.DtStart).Take(3), o => o.Period.StartTime.AsUtc == occurrence.UtcDateTime);
        Assert.Contains("EXDATE", await fixture.App.CreateClient().GetStringAsync(url.PathAndQuery));
    }

    [Fact]
    public async Task PersonFeed_Resets_DropsARevokingTable_AndAnswers404OnceRevokedEverywhere()
    {
        // Arrange: one person at two Tables, a meeting at each.
        var email = $"{Guid.NewGuid():N}@exemple.qc.ca";
        var tableA = await CreateTableAsync(fixture.Organiser, "Table A");
        var tableB = await CreateTableAsync(fixture.Organiser, "Table B");
        var (memberA, token) = await AddMemberAsync(fixture.Organiser, tableA, "Amina Diallo", email: email);
        var (memberB, _) = await AddMemberAsync(fixture.Organiser, tableB, "Amina Diallo", email: email);
        var meetingA = await CreateMeetingAsync(fixture.Organiser, tableA, "Rencontre A", DateTimeOffset.UtcNow.AddDays(10));
        var meetingB = await CreateMeetingAsync(fixture.Organiser, tableB, "Rencontre B", DateTimeOffset.UtcNow.AddDays(12));
        var member = await MemberClientAsync(fixture.App, token);
        var first = new Uri((await member.GetAsync("/api/calendar/feed").OkJsonAsync()).GetProperty("url").GetString()!);
        var anonymous = fixture.App.CreateClient();

        // Act 1: a reset. Assert: a new address; the old one stops; asking again shows the new one.
        var reset = new Uri((await member.PostAsync("/api/calendar/feed/reset", null).OkJsonAsync()).GetProperty("url").GetString()!);
        Assert.NotEqual(first, reset);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first.PathAndQuery)).StatusCode);
        Assert.Equal(reset, new Uri((await member.GetAsync("/api/calendar/feed").OkJsonAsync()).GetProperty("url").GetString()!));

        // Act 2: the first Table revokes the member. Assert: the feed keeps the other Table only.
        (await fixture.Organiser.PostAsync($"/api/tables/{tableA}/members/{memberA}/revoke", null)).EnsureSuccessStatusCode();
        var left = Ical.Net.Calendar.Load(await anonymous.GetStringAsync(reset.PathAndQuery))!;
        Assert.Equal(new[] { $"{meetingB:D}@concertation" }, left.Events.Select(e => e.Uid));
        Assert.DoesNotContain(left.Events, e => e.Uid == $"{meetingA:D}@concertation");

        // Act 3: revoked at the other Table too. Assert: the address answers 404.
        (await fixture.Organiser.PostAsync($"/api/tables/{tableB}/members/{memberB}/revoke", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(reset.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/not-a-feed-at-all-but-long-enough-to-try-it-out-here.ics")).StatusCode);
    }

    [Fact]
    public async Task FeedAddress_IsTheMembersOwn_TheOrganisersMembersListShowsNothingSecret()
    {
        // Arrange: a member who asked for their feed.
        var table = await CreateTableAsync(fixture.Organiser, "Table régionale");
        var (_, token) = await AddMemberAsync(fixture.Organiser, table, "Marc Tremblay");
        var member = await MemberClientAsync(fixture.App, token);
        var url = (await member.GetAsync("/api/calendar/feed").OkJsonAsync()).GetProperty("url").GetString()!;

        // Act: the organiser reads the Table and its members; the organiser and a stranger ask for "their" feed.
        var tableAsOrganiser = await fixture.Organiser.GetStringAsync($"/api/tables/{table}");
        var organiserFeed = await fixture.Organiser.GetAsync("/api/calendar/feed");
        var anonymousFeed = await fixture.App.CreateClient().GetAsync("/api/calendar/feed");

        // Assert: no feed address, token or calendar path in what organisers see; only members have a feed.
        Assert.Contains("Marc Tremblay", tableAsOrganiser);
        Assert.DoesNotContain(new Uri(url).AbsolutePath.Split('/')[^1].Replace(".ics", ""), tableAsOrganiser);
        Assert.DoesNotContain("calendar/", tableAsOrganiser);
        Assert.Equal(HttpStatusCode.Forbidden, organiserFeed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousFeed.StatusCode);
    }
}
