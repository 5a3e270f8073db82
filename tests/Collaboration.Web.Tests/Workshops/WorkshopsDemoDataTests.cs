using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Web.Tests.Workshops;

public sealed class WorkshopsDemoDataTests
{
    [Fact]
    public async Task DemoData_HasUpcomingSessions_OneNearlyFullWithAWaitlist()
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
    }
}
