using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Tests.Meetings;

/// <summary>A table's series: monthly dates in Québec time across the daylight-saving changes, the agenda template, the next meeting.</summary>
public sealed class MeetingSeriesGrainTests : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
    private static readonly SeriesRule ThirdWednesday = new(3, DayOfWeek.Wednesday, 13, 30);
    private static readonly RosterMember Amina = new(Guid.NewGuid(), "Amina Diallo", "Carrefour", Sector.Communautaire, MemberRole.Member);
    private readonly GrainsSilo _silo;

    public MeetingSeriesGrainTests(GrainsSilo silo) => _silo = silo;

    private async Task<(Guid TableId, IMeetingSeriesGrain Series)> SeriesAsync(params AgendaTemplateItem[] standing)
    {
        var tableId = Guid.NewGuid();
        await _silo.Grains.GetGrain<ITableGrain>(tableId).CreateAsync("Table régionale", 1, "org").WaitAsync(Timeout);
        var series = _silo.Grains.GetGrain<IMeetingSeriesGrain>(tableId);
        var set = await series.SetAsync(new SeriesSetup("Rencontre régulière", "Joliette", ThirdWednesday, standing)).WaitAsync(Timeout);
        Assert.Equal(MeetingOutcome.Applied, set.Outcome);
        return (tableId, series);
    }

    private static MeetingSetup Setup(Guid tableId, IReadOnlyList<FollowUpItem>? followUps = null, MinutesToAdopt? adopt = null) =>
        new(tableId, "Table régionale", "", default, "", 1, [Amina], followUps ?? [], "org", adopt);

    private async Task<Guid> CreateNextAsync(IMeetingSeriesGrain series, Guid tableId, IReadOnlyList<FollowUpItem>? followUps = null, MinutesToAdopt? adopt = null)
    {
        var next = (await series.GetAsync().WaitAsync(Timeout))!.NextStartsAt;
        var created = await series.CreateNextAsync(Guid.NewGuid(), next, Setup(tableId, followUps, adopt)).WaitAsync(Timeout);
        Assert.Equal(MeetingOutcome.Applied, created.Outcome);
        return (Guid)created.Current!;
    }

    [Theory]
    [InlineData("2027-02-01T12:00:00Z", "2027-02-17T18:30:00Z")] // winter: UTC−5
    [InlineData("2027-02-17T18:30:00Z", "2027-03-17T17:30:00Z")] // after the spring change (March 14): UTC−4
    [InlineData("2027-10-01T12:00:00Z", "2027-10-20T17:30:00Z")]
    [InlineData("2027-10-20T17:30:00Z", "2027-11-17T18:30:00Z")] // after the fall change (November 7): UTC−5 again
    [InlineData("2027-02-17T18:29:59Z", "2027-02-17T18:30:00Z")]
    public void ThirdWednesdayAt1330_KeepsQuebecWallClockTime_AcrossDaylightSaving(string after, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), ThirdWednesday.NextAfter(DateTimeOffset.Parse(after)));
    }

    [Fact]
    public void LastFriday_AndATimeSkippedBySpringForward_AreComputedInQuebecTime()
    {
        var lastFriday = new SeriesRule(-1, DayOfWeek.Friday, 9, 0).NextAfter(DateTimeOffset.Parse("2027-04-01T00:00:00Z"));
        var skipped = new SeriesRule(2, DayOfWeek.Sunday, 2, 30).NextAfter(DateTimeOffset.Parse("2027-03-01T00:00:00Z")); // 02:30 does not exist on March 14

        Assert.Equal(DateTimeOffset.Parse("2027-04-30T13:00:00Z"), lastFriday);
        Assert.Equal(DateTimeOffset.Parse("2027-03-14T07:30:00Z"), skipped); // 03:30 EDT
        Assert.Equal("FREQ=MONTHLY;BYDAY=3WE", ThirdWednesday.RecurrenceRule);
        Assert.Equal("FREQ=MONTHLY;BYDAY=-1FR", new SeriesRule(-1, DayOfWeek.Friday, 9, 0).RecurrenceRule);
    }

    [Fact]
    public async Task TwelveMeetingsInARow_AreEachThirdWednesdayAt1330QuebecTime_OnBothSidesOfTheChanges()
    {
        var (tableId, series) = await SeriesAsync();

        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++) ids.Add(await CreateNextAsync(series, tableId));

        var meetings = await Task.WhenAll(ids.Select(id => _silo.Grains.GetGrain<IMeetingGrain>(id).GetAsync().WaitAsync(Timeout)));
        var local = meetings.Select(m => TimeZoneInfo.ConvertTime(m!.StartsAt, Toronto)).ToList();
        Assert.All(local, l => Assert.Equal((DayOfWeek.Wednesday, 13, 30, true), (l.DayOfWeek, l.Hour, l.Minute, l.Day is >= 15 and <= 21)));
        Assert.Equal(12, local.Select(l => (l.Year, l.Month)).Distinct().Count());
        Assert.All(local.Zip(local.Skip(1)), p => Assert.Equal(p.First.AddMonths(1).Month, p.Second.Month));
        Assert.Equal([TimeSpan.FromHours(-5), TimeSpan.FromHours(-4)], local.Select(l => l.Offset).Distinct().Order());
        var listed = (await _silo.Grains.GetGrain<ITableGrain>(tableId).GetAsync())!.Meetings;
        Assert.Equal(ids.Order(), listed.Select(m => m.Id).Order());
        Assert.Equal(ids, (await series.GetAsync())!.Occurrences.Select(o => o.MeetingId));
    }

    [Fact]
    public async Task NextMeeting_FillsInTheTemplate_TheCarriedActionItems_AndTheMinutesToAdopt()
    {
        var (tableId, series) = await SeriesAsync(new AgendaTemplateItem("Nouvelles des MRC", 20), new AgendaTemplateItem("Comité accueil", 15));
        var first = await CreateNextAsync(series, tableId);
        var carried = new FollowUpItem(Guid.NewGuid(), first, "Rencontre régulière", "Envoyer le bilan", Amina.Id, Amina.Name, null);

        var second = await CreateNextAsync(series, tableId, [carried], new MinutesToAdopt(first, "Adoption du procès-verbal de la rencontre du mercredi 16 décembre 2026"));

        var firstView = (await _silo.Grains.GetGrain<IMeetingGrain>(first).GetAsync())!;
        var secondView = (await _silo.Grains.GetGrain<IMeetingGrain>(second).GetAsync())!;
        Assert.Equal(["Ouverture de la rencontre", "Adoption de l'ordre du jour", "Nouvelles des MRC", "Comité accueil", "Varia", "Levée de la rencontre"],
            firstView.Agenda.Select(i => i.Title));
        Assert.Equal(["Ouverture de la rencontre", "Adoption de l'ordre du jour", "Adoption du procès-verbal de la rencontre du mercredi 16 décembre 2026",
            "Nouvelles des MRC", "Comité accueil", "Varia", "Levée de la rencontre"], secondView.Agenda.Select(i => i.Title));
        Assert.Equal(first, secondView.Agenda[2].AdoptsMinutesOf);
        Assert.Equal(20, secondView.Agenda[3].PlannedMinutes);
        Assert.Equal(("Envoyer le bilan", first), (Assert.Single(secondView.FollowUps).Text, secondView.FollowUps[0].OriginMeetingId));
        Assert.Equal(("Rencontre régulière", "Joliette", MeetingStatus.Draft), (secondView.Title, secondView.Location, secondView.Status));
    }

    [Fact]
    public async Task CreatingTheSameDateTwice_AnswersTheSameMeeting_AndAStaleDateIsRefused()
    {
        var (tableId, series) = await SeriesAsync();
        var next = (await series.GetAsync())!.NextStartsAt;

        var first = await series.CreateNextAsync(Guid.NewGuid(), next, Setup(tableId)).WaitAsync(Timeout);
        var again = await series.CreateNextAsync(Guid.NewGuid(), next, Setup(tableId)).WaitAsync(Timeout);
        var stale = await series.CreateNextAsync(Guid.NewGuid(), next.AddDays(7), Setup(tableId)).WaitAsync(Timeout);

        Assert.Equal(first.Current, again.Current);
        Assert.Equal(MeetingOutcome.Stale, stale.Outcome);
        Assert.True(((SeriesView)stale.Current!).NextStartsAt >= next.AddDays(28));
        Assert.Single((await _silo.Grains.GetGrain<ITableGrain>(tableId).GetAsync())!.Meetings);
    }

    [Fact]
    public async Task InvalidSeries_AreRefused_AndNothingIsWritten()
    {
        var series = _silo.Grains.GetGrain<IMeetingSeriesGrain>(Guid.NewGuid());

        var badWeek = await series.SetAsync(new SeriesSetup("Rencontre", "", new SeriesRule(5, DayOfWeek.Monday, 13, 30), [])).WaitAsync(Timeout);
        var badTime = await series.SetAsync(new SeriesSetup("Rencontre", "", new SeriesRule(1, DayOfWeek.Monday, 24, 0), [])).WaitAsync(Timeout);
        var noTitle = await series.SetAsync(new SeriesSetup(" ", "", ThirdWednesday, [])).WaitAsync(Timeout);
        var emptyItem = await series.SetAsync(new SeriesSetup("Rencontre", "", ThirdWednesday, [new AgendaTemplateItem("", 10)])).WaitAsync(Timeout);
        var noSeries = await series.CreateNextAsync(Guid.NewGuid(), DateTimeOffset.UtcNow, Setup(Guid.NewGuid())).WaitAsync(Timeout);

        Assert.All([badWeek, badTime, noTitle, emptyItem], r => Assert.Equal(MeetingOutcome.Invalid, r.Outcome));
        Assert.Equal(MeetingOutcome.NotFound, noSeries.Outcome);
        Assert.Null(await series.GetAsync());
    }

    [Fact]
    public async Task AfterTimePasses_TheNextDate_IsNeverInThePast()
    {
        var (tableId, series) = await SeriesAsync();
        await CreateNextAsync(series, tableId);

        _silo.Clock.Advance(TimeSpan.FromDays(100));
        var next = (await series.GetAsync())!.NextStartsAt;

        Assert.InRange(next, _silo.Clock.GetUtcNow(), _silo.Clock.GetUtcNow().AddDays(36));
        Assert.Equal(ThirdWednesday.NextAfter(_silo.Clock.GetUtcNow()), next);
    }
}
