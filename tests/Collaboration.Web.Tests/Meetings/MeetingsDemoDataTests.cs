using Collaboration.Web.Demo;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

public sealed class MeetingsDemoDataTests
{
    [Fact]
    public async Task DemoData_HasALanaudiereTableOfEverySector_AMeetingInProgress_AndAClosedOneWithOpenActionItems()
    {
        await using var app = new ConcertationFactory(settings: ("Seed:Demo", "true"));
        var organiser = await app.CreateOrganiserClientAsync();

        var table = (await organiser.GetAsync("/api/tables").OkJsonAsync())[0];
        var tableId = table.GetProperty("id").GetGuid();
        var members = (await organiser.GetAsync($"/api/tables/{tableId}").OkJsonAsync()).GetProperty("members").EnumerateArray().ToList();
        var meetings = (await organiser.GetAsync($"/api/tables/{tableId}/meetings").OkJsonAsync()).EnumerateArray().ToList();

        Assert.Contains("Lanaudière", table.GetProperty("name").GetString());
        Assert.Contains(members, m => m.GetProperty("organisation").GetString() == "Lanaudière Économique");
        Assert.Equal(["autre", "communautaire", "economique", "institutionnel", "municipal"],
            members.Select(m => m.GetProperty("sector").GetString()).Distinct().Order());
        // Each meeting is named after its month in Québec ("Rencontre de novembre" is not on 1 December).
        Assert.All(meetings, m => Assert.Equal($"Rencontre de {DemoCalendar.FrenchMonth(m.GetProperty("startsAt").GetDateTimeOffset())}",
            m.GetProperty("title").GetString()));
        var inProgress = await GetMeetingAsync(organiser, meetings.Single(m => m.GetProperty("status").GetString() == "inProgress").GetProperty("id").GetGuid());
        var closed = await GetMeetingAsync(organiser, meetings.Single(m => m.GetProperty("status").GetString() == "closed").GetProperty("id").GetGuid());
        Assert.True(inProgress.GetProperty("agenda").GetArrayLength() >= 3);
        Assert.NotEmpty(inProgress.GetProperty("decisions").EnumerateArray());
        Assert.NotEmpty(inProgress.GetProperty("actionItems").EnumerateArray());
        Assert.Equal(2, inProgress.GetProperty("followUps").GetArrayLength());
        Assert.Equal(2, closed.GetProperty("actionItems").EnumerateArray().Count(a => a.GetProperty("status").GetString() == "open"));
    }
}
