using Collaboration.Grains.Platform;
using Collaboration.Testing;

namespace Collaboration.Grains.Tests.Platform;

/// <summary>
/// The one Québec-time helper on a manual clock across both daylight-saving changes of 2027 (14 March: 2:00 becomes
/// 3:00; 7 November: 2:00 becomes 1:00 again), in French and English, worded as the client's zoned-time.js words it.
/// </summary>
public sealed class QuebecTimeTests
{
    [Fact]
    public void TheSpringChange_MovesTheOffsetAndKeepsTheWallClock()
    {
        // 1:30 EST, then one hour later it is 3:30 EDT.
        var clock = new ManualClock(new DateTimeOffset(2027, 3, 14, 6, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 1, 30, 0, TimeSpan.FromHours(-5)), QuebecTime.InQuebec(clock.GetUtcNow()));
        Assert.Equal("1 h 30", QuebecTime.Time(clock.GetUtcNow(), "fr"));
        Assert.Equal("1:30 a.m.", QuebecTime.Time(clock.GetUtcNow(), "en"));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(-4), QuebecTime.InQuebec(clock.GetUtcNow()).Offset);
        Assert.Equal("3 h 30", QuebecTime.Time(clock.GetUtcNow(), "fr"));
        Assert.Equal("3:30 a.m.", QuebecTime.Time(clock.GetUtcNow(), "en"));
        Assert.Equal(new DateOnly(2027, 3, 14), QuebecTime.Today(clock));
    }

    [Fact]
    public void TheAutumnChange_ShowsTheRepeatedHourTwice()
    {
        // 1:30 EDT, then one hour later 1:30 again, in EST.
        var clock = new ManualClock(new DateTimeOffset(2027, 11, 7, 5, 30, 0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(-4), QuebecTime.InQuebec(clock.GetUtcNow()).Offset);
        var first = QuebecTime.Time(clock.GetUtcNow(), "fr");
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(-5), QuebecTime.InQuebec(clock.GetUtcNow()).Offset);
        Assert.Equal("1 h 30", first);
        Assert.Equal("1 h 30", QuebecTime.Time(clock.GetUtcNow(), "fr"));
        Assert.Equal("1:30 a.m.", QuebecTime.Time(clock.GetUtcNow(), "en"));
    }

    [Fact]
    public void AWallClockTime_IsTheInstantAQuebecClockShowsIt_EvenOnTheDaysOfTheChanges()
    {
        // An ordinary winter and summer day.
        Assert.Equal(new DateTimeOffset(2027, 1, 20, 18, 30, 0, TimeSpan.Zero), QuebecTime.At(new DateOnly(2027, 1, 20), new TimeOnly(13, 30)));
        Assert.Equal(new DateTimeOffset(2027, 7, 20, 17, 30, 0, TimeSpan.Zero), QuebecTime.At(new DateOnly(2027, 7, 20), new TimeOnly(13, 30)));
        // 2:30 does not exist on 14 March: a clock set forward reads 3:30 then.
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 30, 0, TimeSpan.Zero), QuebecTime.At(new DateOnly(2027, 3, 14), new TimeOnly(2, 30)));
        // 1:30 happens twice on 7 November: the first time (daylight time).
        Assert.Equal(new DateTimeOffset(2027, 11, 7, 5, 30, 0, TimeSpan.Zero), QuebecTime.At(new DateOnly(2027, 11, 7), new TimeOnly(1, 30)));
        // Midnight of each day of a change.
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 5, 0, 0, TimeSpan.Zero), QuebecTime.StartOf(new DateOnly(2027, 3, 14)));
        Assert.Equal(new DateTimeOffset(2027, 11, 7, 4, 0, 0, TimeSpan.Zero), QuebecTime.StartOf(new DateOnly(2027, 11, 7)));
    }

    [Fact]
    public void Today_IsQuebecsDate_NotTheServersNorUtcs()
    {
        // 23:30 in Québec is already the next day in UTC.
        var clock = new ManualClock(new DateTimeOffset(2027, 3, 4, 23, 30, 0, TimeSpan.FromHours(-5)));
        Assert.Equal(new DateOnly(2027, 3, 4), QuebecTime.Today(clock));
        Assert.Equal(new DateOnly(2027, 3, 5), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new DateOnly(2027, 3, 5), QuebecTime.Today(clock));
    }

    [Fact]
    public void TheWords_AreTheClientsInBothLanguages()
    {
        var at = new DateTimeOffset(2027, 3, 4, 18, 30, 0, TimeSpan.Zero); // 13:30 EST
        Assert.Equal("jeudi 4 mars 2027", QuebecTime.LongDate(at, "fr"));
        Assert.Equal("Thursday, March 4, 2027", QuebecTime.LongDate(at, "en"));
        Assert.Equal("4 mars 2027", QuebecTime.Date(at, "fr"));
        Assert.Equal("March 4, 2027", QuebecTime.Date(at, "en"));
        Assert.Equal("13 h 30", QuebecTime.Time(at, "fr"));
        Assert.Equal("1:30 p.m.", QuebecTime.Time(at, "en"));
        Assert.Equal("12:05 p.m.", QuebecTime.Time(at.AddHours(-1).AddMinutes(-25), "en"));
        Assert.Equal("12:00 a.m.", QuebecTime.Time(QuebecTime.StartOf(new DateOnly(2027, 3, 5)), "en"));
        Assert.Equal("0 h 00", QuebecTime.Time(QuebecTime.StartOf(new DateOnly(2027, 3, 5)), "fr"));
        Assert.Equal("jeudi 4 mars 2027, 13 h 30", QuebecTime.LongDateTime(at, "fr"));
        Assert.Equal("2027-03-04 13:30", QuebecTime.Sortable(at));
        Assert.Equal("2027-03-04T18:30:00Z", QuebecTime.HtmlDateTime(at));
    }
}
