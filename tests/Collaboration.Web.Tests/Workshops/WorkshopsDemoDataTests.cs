using Collaboration.Grains.Platform;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Web.Demo;

namespace Collaboration.Web.Tests.Workshops;

public sealed class WorkshopsDemoDataTests
{
    [Fact]
    public async Task DemoData_HasUpcomingAfternoonSessionsOnWorkingDays_InTheRegion_OneNearlyFullWithAWaitlist()
    {
        // Arrange
        await using var app = new ConcertationFactory(settings: ("Seed:Demo", "true"));

        // Act
        var list = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/workshops").WaitAsync(WorkshopsAppFixture.Timeout);

        // Assert
        var sessions = list.EnumerateArray().ToList();
        Assert.Equal(3, sessions.Count);
        Assert.Contains(sessions, s => s.GetProperty("waitlisted").GetInt32() > 0 &&
            s.GetProperty("confirmedSeats").GetInt32() >= s.GetProperty("capacity").GetInt32() - 2);
        foreach (var session in sessions)
        {
            var local = TimeZoneInfo.ConvertTime(session.GetProperty("startsAt").GetDateTimeOffset(), QuebecTime.Zone);
            Assert.True(DemoCalendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)), $"a session on {local:yyyy-MM-dd dddd}");
            Assert.Equal(new TimeOnly(13, 30), TimeOnly.FromDateTime(local.DateTime));
            var place = session.GetProperty("place").GetString();
            Assert.True(place is null || new[] { "Joliette", "Terrebonne", "Repentigny" }.Any(place.Contains), place);
        }
    }
}
