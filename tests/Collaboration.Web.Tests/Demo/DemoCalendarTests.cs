using Collaboration.Web.Demo;

namespace Collaboration.Web.Tests.Demo;

public sealed class DemoCalendarTests
{
    [Theory]
    [InlineData("2027-01-01", "2027-01-04")] // New Year's Day (a Friday) → the Monday after the break
    [InlineData("2026-12-24", "2027-01-04")] // the year-end break
    [InlineData("2026-12-05", "2026-12-07")] // a Saturday → Monday
    [InlineData("2027-03-26", "2027-03-30")] // Good Friday, then Easter Monday
    [InlineData("2027-05-24", "2027-05-25")] // Journée nationale des patriotes
    [InlineData("2026-10-12", "2026-10-13")] // Thanksgiving
    [InlineData("2027-06-24", "2027-06-25")] // Fête nationale
    [InlineData("2026-12-01", "2026-12-01")] // an ordinary Tuesday stays
    public void WorkingDayFrom_SkipsWeekendsHolidaysAndTheYearEndBreak(string day, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DemoCalendar.WorkingDayFrom(DateOnly.Parse(day)));

    [Fact]
    public void TheMonthIsQuebecs_NotUtcs()
    {
        // 1 December 03:00 UTC is still 30 November in Québec.
        Assert.Equal("novembre", DemoCalendar.FrenchMonth(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero)));
        Assert.Equal("décembre", DemoCalendar.FrenchMonth(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void At_IsQuebecLocalTime_WithDaylightSavingTime()
    {
        Assert.Equal(TimeSpan.FromHours(-5), DemoCalendar.At(new DateOnly(2026, 12, 10), 13, 30).Offset);
        Assert.Equal(TimeSpan.FromHours(-4), DemoCalendar.At(new DateOnly(2027, 6, 10), 13, 30).Offset);
    }

    [Fact]
    public void MeetingDay_IsTheSecondTuesday() =>
        Assert.Equal(new DateOnly(2026, 11, 10), DemoCalendar.MeetingDay(2026, 11));
}
