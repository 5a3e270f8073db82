using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Web.Tests.Workshops;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Platform;

/// <summary>Every date the API takes lies between 2000-01-01 and ten years ahead: outside, a 400 naming the field, nothing stored.</summary>
public sealed class DateWindowTests(WorkshopsAppFixture fixture) : IClassFixture<WorkshopsAppFixture>
{
    private static readonly TimeSpan Timeout = WorkshopsAppFixture.Timeout;

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "startsAt")]
    [InlineData("0001-01-02T00:00:00Z", "startsAt")]
    [InlineData("1999-12-31T23:00:00Z", "startsAt")]
    [InlineData("9999-12-31T00:00:00Z", "startsAt")]
    public async Task Workshop_WithAStartOutsideTheWindow_Is400_AndNotCreated(string startsAt, string field)
    {
        var before = await CountSessionsAsync();

        var response = await fixture.Organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier", titleEn = "Workshop", startsAt, endsAt = "9999-12-31T23:59:59Z", place = "Joliette", capacity = 5,
        }).WaitAsync(Timeout);

        await InputPolicyTests.AssertFieldRefusedAsync(response, field);
        Assert.Equal(before, await CountSessionsAsync());
    }

    [Fact]
    public async Task Workshop_RegistrationWindowOutsideTheWindow_Is400()
    {
        var starts = DateTimeOffset.UtcNow.AddDays(3);

        var response = await fixture.Organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier", titleEn = "Workshop", startsAt = starts, endsAt = starts.AddHours(1), place = "Joliette", capacity = 5,
            registrationOpensAt = "0001-01-01T00:00:00Z", registrationClosesAt = starts,
        }).WaitAsync(Timeout);

        await InputPolicyTests.AssertFieldRefusedAsync(response, "registrationOpensAt");
    }

    [Fact]
    public async Task Meeting_ActionItemDue_AndColloqueDates_OutsideTheWindow_Are400()
    {
        var table = await CreateTableAsync(fixture.Organiser);
        var meeting = await CreateMeetingAsync(fixture.Organiser, table);
        var colloque = await Colloque.ColloqueKit.CreateColloqueAsync(fixture.Organiser);
        var soon = DateTimeOffset.UtcNow.AddDays(30);

        var newMeeting = await fixture.Organiser.PostAsJsonAsync("/api/meetings",
            new { tableId = table, title = "Rencontre", startsAt = "0001-01-01T00:00:00Z", location = "" }).WaitAsync(Timeout);
        var actionItem = await fixture.Organiser.PostAsJsonAsync($"/api/meetings/{meeting}/action-items",
            new { text = "Relancer", ownerMemberId = Guid.NewGuid(), due = "9999-12-31" }).WaitAsync(Timeout);
        var newColloque = await fixture.Organiser.PostAsJsonAsync("/api/colloques",
            new { title = "Colloque", date = "0001-01-01", venue = "Joliette" }).WaitAsync(Timeout);
        var settings = await fixture.Organiser.PutAsJsonAsync($"/api/colloques/{colloque}/registration-settings",
            new { opensAt = "0001-01-01T00:00:00Z", closesAt = soon }).WaitAsync(Timeout);
        var session = await fixture.Organiser.PostAsJsonAsync($"/api/colloques/{colloque}/sessions",
            new { titleFr = "Atelier", titleEn = "Workshop", kind = "atelier", room = "A", startsAt = soon, endsAt = "9999-12-31T00:00:00Z" }).WaitAsync(Timeout);
        var report = await fixture.Organiser.GetAsync("/api/reports/activity?from=0001-01-01&to=2026-03-31").WaitAsync(Timeout);

        await InputPolicyTests.AssertFieldRefusedAsync(newMeeting, "startsAt");
        await InputPolicyTests.AssertFieldRefusedAsync(actionItem, "due");
        await InputPolicyTests.AssertFieldRefusedAsync(newColloque, "date");
        await InputPolicyTests.AssertFieldRefusedAsync(settings, "opensAt");
        await InputPolicyTests.AssertFieldRefusedAsync(session, "endsAt");
        await InputPolicyTests.AssertFieldRefusedAsync(report, "from");
    }

    private async Task<int> CountSessionsAsync() =>
        (await fixture.Organiser.GetFromJsonAsync<JsonElement>("/api/workshops?all=true").WaitAsync(Timeout)).GetArrayLength();
}
