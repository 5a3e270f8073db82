using Collaboration.Grains.Platform;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Coordination;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Coordination;

public sealed class BoardApiTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;
    private BoardScenario _s = null!;
    private DateOnly _today;

    public async Task InitializeAsync()
    {
        _organiser = await _app.CreateOrganiserClientAsync();
        _today = QuebecTime.Today(_app.Services.GetRequiredService<TimeProvider>());
        _s = await BoardScenario.CreateAsync(_organiser, _today);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Organiser_SeesEveryTable_AMemberOnlyTheirOwn_AndEveryOtherAccessIsRefused()
    {
        var yasmine = await MemberClientAsync(_app, _s.YasmineToken);
        var anonymous = _app.CreateClient();

        Assert.Subset(_s.Items.ToHashSet(), (await BoardScenario.ItemIdsAsync(_organiser)).ToHashSet());
        Assert.Equal(new[] { _s.OverdueItem, _s.LaterItem, _s.YasmineItem }.Order(), (await BoardScenario.ItemIdsAsync(yasmine)).Order());

        // Refusals: another table's board, its organisation's page, the report, a rebuild, anyone not signed in.
        Assert.Equal(HttpStatusCode.Forbidden, (await yasmine.GetAsync($"/api/board?table={_s.TableB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await yasmine.GetAsync($"/api/board/organisations/{_s.Montcalm}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await yasmine.PatchAsJsonAsync($"/api/board/{_s.TableB}/items/{_s.ZoeItem}",
            new { status = "done", expectedVersion = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await yasmine.PostAsync($"/api/board/{_s.TableA}/rebuild", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await yasmine.GetAsync("/api/reports/activity")).StatusCode);
        foreach (var url in new[] { "/api/board", $"/api/board/organisations/{_s.Joliette}", "/api/reports/activity", "/api/reports/activity.csv" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task StatusChangedOnTheBoard_ChangesItInItsMeeting_ForTheOwnerOrganisersAndSecretaries_Only()
    {
        var xavier = await MemberClientAsync(_app, _s.XavierToken);
        var yasmine = await MemberClientAsync(_app, _s.YasmineToken);
        var item = (await BoardScenario.ItemsAsync(xavier)).Single(i => i.GetProperty("itemId").GetGuid() == _s.OverdueItem);
        var version = item.GetProperty("version").GetInt64();
        Assert.True(item.GetProperty("canChangeStatus").GetBoolean());

        var byOther = await yasmine.PatchAsJsonAsync($"/api/board/{_s.TableA}/items/{_s.OverdueItem}", new { status = "done", expectedVersion = version });
        var byOwner = await xavier.PatchAsJsonAsync($"/api/board/{_s.TableA}/items/{_s.OverdueItem}", new { status = "done", expectedVersion = version });
        var stale = await xavier.PatchAsJsonAsync($"/api/board/{_s.TableA}/items/{_s.OverdueItem}", new { status = "open", expectedVersion = version });

        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var inMeeting = (await GetMeetingAsync(_organiser, _s.MeetingA)).GetProperty("actionItems").EnumerateArray()
            .Single(a => a.GetProperty("id").GetGuid() == _s.OverdueItem);
        Assert.Equal("done", inMeeting.GetProperty("status").GetString());
        await Poll.UntilAsync(async () => !(await BoardScenario.ItemIdsAsync(xavier)).Contains(_s.OverdueItem), CallTimeout, "the closed item leaves the open list");
        Assert.Contains(_s.OverdueItem, await BoardScenario.ItemIdsAsync(xavier, "status=done"));
    }

    [Fact]
    public async Task AnItemOfAClosedMeeting_IsStillFollowedUpFromTheBoard()
    {
        (await _organiser.PostAsync($"/api/meetings/{_s.MeetingB}/start", null)).EnsureSuccessStatusCode();
        (await _organiser.PostAsync($"/api/meetings/{_s.MeetingB}/close", null)).EnsureSuccessStatusCode();
        var zoe = await MemberClientAsync(_app, _s.ZoeToken);
        var item = await Poll.UntilAsync(() => BoardScenario.ItemsAsync(zoe),
            items => items.Any(i => i.GetProperty("itemId").GetGuid() == _s.ZoeItem), CallTimeout, "Zoé's item");

        var closed = await zoe.PatchAsJsonAsync($"/api/board/{_s.TableB}/items/{_s.ZoeItem}", new
        {
            status = "done", expectedVersion = item.Single(i => i.GetProperty("itemId").GetGuid() == _s.ZoeItem).GetProperty("version").GetInt64(),
        });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var inMeeting = (await GetMeetingAsync(_organiser, _s.MeetingB)).GetProperty("actionItems")[0];
        Assert.Equal("done", inMeeting.GetProperty("status").GetString());
        Assert.Equal("closed", (await GetMeetingAsync(_organiser, _s.MeetingB)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Filters_ByMrcOrganisationOwnerTableDueDateAndOverdue()
    {
        Assert.Equal([_s.OverdueItem], await BoardScenario.ItemIdsAsync(_organiser, "overdue=true"));
        var overdue = (await BoardScenario.ItemsAsync(_organiser, "overdue=true"))[0];
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal("joliette", overdue.GetProperty("ownerMrc").GetString());
        Assert.Equal(new[] { _s.OverdueItem, _s.LaterItem }.Order(), (await BoardScenario.ItemIdsAsync(_organiser, "mrc=joliette")).Order());
        Assert.Equal([_s.YasmineItem], await BoardScenario.ItemIdsAsync(_organiser, $"organisation={_s.Matawinie}"));
        Assert.Equal(new[] { _s.OverdueItem, _s.LaterItem }.Order(), (await BoardScenario.ItemIdsAsync(_organiser, $"owner={_s.Xavier}")).Order());
        Assert.Equal([_s.ZoeItem], await BoardScenario.ItemIdsAsync(_organiser, $"table={_s.TableB}"));
        Assert.Equal([_s.YasmineItem], await BoardScenario.ItemIdsAsync(_organiser,
            $"table={_s.TableA}&dueFrom={_today:yyyy-MM-dd}&dueTo={_today.AddDays(10):yyyy-MM-dd}"));
        var bad = await _organiser.GetAsync("/api/board?dueFrom=demain&status=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task OrganisationPage_ShowsItsPeople_TheirItems_AndTheMeetingsTheyAttended()
    {
        (await _organiser.PutAsJsonAsync($"/api/meetings/{_s.MeetingA}/attendance/{_s.Xavier}", new { status = "present" })).EnsureSuccessStatusCode();
        var xavier = await MemberClientAsync(_app, _s.XavierToken);

        var page = await _organiser.GetAsync($"/api/board/organisations/{_s.Joliette}").OkJsonAsync();
        var asMember = await xavier.GetAsync($"/api/board/organisations/{_s.Joliette}").OkJsonAsync();

        Assert.Equal(_s.Xavier, Assert.Single(page.GetProperty("people").EnumerateArray()).GetProperty("memberId").GetGuid());
        Assert.Equal(2, page.GetProperty("openItems").GetArrayLength());
        Assert.Equal(_s.MeetingA, Assert.Single(page.GetProperty("meetingsAttended").EnumerateArray()).GetProperty("meetingId").GetGuid());
        Assert.Equal(JsonValueKind.Array, page.GetProperty("workshops").ValueKind);
        Assert.Equal(JsonValueKind.Null, asMember.GetProperty("workshops").ValueKind); // employers' registrations are for organisers
    }
}
