using System.Security.Claims;
using Collaboration.Grains.Tables;
using Collaboration.Web.Accounts;
using Collaboration.Web.Colloque;
using Collaboration.Web.Coordination;
using Collaboration.Web.Meetings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Authorisation;

/// <summary>
/// The permissions that read the stored table (meetings, coordination board): a member is checked
/// against their own table, as it is now, not only by their cookie's claims.
/// </summary>
public sealed class TablePermissionsTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;
    private Guid _tableA;
    private Guid _tableB;
    private Guid _memberA;
    private ClaimsPrincipal _member = null!;
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal Organiser = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Organiser)], "test"));
    private static readonly ClaimsPrincipal Desk = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, Roles.Desk), new Claim(ColloqueClaims.ColloqueId, Guid.NewGuid().ToString()), new Claim(ColloqueClaims.DeskId, "desk-a")], "test"));

    public async Task InitializeAsync()
    {
        _organiser = await _app.CreateOrganiserClientAsync().WaitAsync(CallTimeout);
        _tableA = await CreateTableAsync(_organiser, "Table A").WaitAsync(CallTimeout);
        _tableB = await CreateTableAsync(_organiser, "Table B").WaitAsync(CallTimeout);
        (_memberA, _) = await AddMemberAsync(_organiser, _tableA, "Membre de A").WaitAsync(CallTimeout);
        var table = await _app.Services.GetRequiredService<IGrainFactory>().GetGrain<ITableGrain>(_tableA).GetAsync().WaitAsync(CallTimeout);
        _member = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Role, Roles.Member),
            new Claim(TableMembership.ClaimType, new TableMembership(_tableA, _memberA, table!.Member(_memberA)!.AccessStamp).ToClaimValue()),
        ], "test"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Meetings_LetAMemberReadTheirTable_AndNothingElse()
    {
        // Arrange
        var meetings = _app.Services.GetRequiredService<MeetingsPermissions>();

        // Act
        var readOwn = await meetings.AllowsAsync(_member, MeetingAction.Read, _tableA).AsTask().WaitAsync(CallTimeout);
        var readOther = await meetings.AllowsAsync(_member, MeetingAction.Read, _tableB).AsTask().WaitAsync(CallTimeout);
        var manageOwn = await meetings.AllowsAsync(_member, MeetingAction.ManageTable, _tableA).AsTask().WaitAsync(CallTimeout);
        var runOwn = await meetings.AllowsAsync(_member, MeetingAction.Run, _tableA).AsTask().WaitAsync(CallTimeout);

        // Assert
        Assert.True(readOwn);
        Assert.False(readOther);
        Assert.False(manageOwn);
        Assert.False(runOwn);
    }

    [Fact]
    public async Task Meetings_RefuseAMember_OnceTheirAccessIsRevoked()
    {
        // Arrange
        var meetings = _app.Services.GetRequiredService<MeetingsPermissions>();
        (await _organiser.PostAsync($"/api/tables/{_tableA}/members/{_memberA}/revoke", null).WaitAsync(CallTimeout)).EnsureSuccessStatusCode();

        // Act
        var read = await meetings.AllowsAsync(_member, MeetingAction.Read, _tableA).AsTask().WaitAsync(CallTimeout);

        // Assert
        Assert.False(read);
    }

    [Fact]
    public async Task Meetings_RefuseDesksAndAnonymousCallers_EveryTable()
    {
        // Arrange
        var meetings = _app.Services.GetRequiredService<MeetingsPermissions>();

        // Act
        var desk = await meetings.AllowsAsync(Desk, MeetingAction.Read, _tableA).AsTask().WaitAsync(CallTimeout);
        var anonymous = await meetings.AllowsAsync(Anonymous, MeetingAction.Read, _tableA).AsTask().WaitAsync(CallTimeout);
        var organiser = await meetings.AllowsAsync(Organiser, MeetingAction.ManageTable, _tableA).AsTask().WaitAsync(CallTimeout);

        // Assert
        Assert.False(desk);
        Assert.False(anonymous);
        Assert.True(organiser);
    }

    [Fact]
    public async Task MeetingFilter_RefusesAMemberRevokedMidMeeting_AtTheirNextRequest()
    {
        // Arrange: the meeting is under way and the node already knows its table (the member's hand went up).
        var meetingId = await CreateMeetingAsync(_organiser, _tableA).WaitAsync(CallTimeout);
        await _organiser.PostAsync($"/api/meetings/{meetingId}/start", null).OkJsonAsync().WaitAsync(CallTimeout);
        var (raise, raised) = MeetingInvocation(_member, meetingId, _memberA);
        var beforeRevoke = await new RequireMeetingPermission(MeetingAction.RaiseHand, "memberId").InvokeAsync(raise, Next(raised)).AsTask().WaitAsync(CallTimeout);
        (await _organiser.PostAsync($"/api/tables/{_tableA}/members/{_memberA}/revoke", null).WaitAsync(CallTimeout)).EnsureSuccessStatusCode();

        // Act: the same cookie's claims, on the same node, right after.
        var (vote, voted) = MeetingInvocation(_member, meetingId);
        var afterRevoke = await new RequireMeetingPermission(MeetingAction.Vote, null).InvokeAsync(vote, Next(voted)).AsTask().WaitAsync(CallTimeout);
        var (read, readRan) = MeetingInvocation(_member, meetingId);
        var readAfterRevoke = await new RequireMeetingPermission(MeetingAction.Read, null).InvokeAsync(read, Next(readRan)).AsTask().WaitAsync(CallTimeout);

        // Assert
        Assert.True(raised.Ran);
        Assert.Equal("handled", beforeRevoke);
        Assert.Equal(new MeetingAccess(_tableA, new TableAccess(TableRole.Member, _memberA)), MeetingAccess.Of(raise.HttpContext));
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(afterRevoke).StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(readAfterRevoke).StatusCode);
        Assert.False(voted.Ran);
        Assert.False(readRan.Ran);
    }

    [Fact]
    public async Task MeetingFilter_AnswersAnUnknownMeeting_404ToOrganisers_And403ToMembers()
    {
        // Arrange
        var unknown = Guid.NewGuid();
        var (asOrganiser, organiserRan) = MeetingInvocation(Organiser, unknown);
        var (asMember, memberRan) = MeetingInvocation(_member, unknown);

        // Act
        var organiser = await new RequireMeetingPermission(MeetingAction.Read, null).InvokeAsync(asOrganiser, Next(organiserRan)).AsTask().WaitAsync(CallTimeout);
        var member = await new RequireMeetingPermission(MeetingAction.Read, null).InvokeAsync(asMember, Next(memberRan)).AsTask().WaitAsync(CallTimeout);

        // Assert
        var notFound = Assert.IsType<ProblemHttpResult>(organiser);
        Assert.Equal(StatusCodes.Status404NotFound, notFound.StatusCode);
        Assert.Equal("meeting-not-found", notFound.ProblemDetails.Extensions["code"]);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(member).StatusCode);
        Assert.False(organiserRan.Ran);
        Assert.False(memberRan.Ran);
    }

    [Fact]
    public async Task MeetingFilter_LetsAMemberActForThemself_AndNotForAnotherMember()
    {
        // Arrange
        var meetingId = await CreateMeetingAsync(_organiser, _tableA).WaitAsync(CallTimeout);
        var (own, ownRan) = MeetingInvocation(_member, meetingId, _memberA);
        var (other, otherRan) = MeetingInvocation(_member, meetingId, Guid.NewGuid());

        // Act
        await new RequireMeetingPermission(MeetingAction.SetAttendance, "memberId").InvokeAsync(own, Next(ownRan)).AsTask().WaitAsync(CallTimeout);
        var forAnother = await new RequireMeetingPermission(MeetingAction.SetAttendance, "memberId").InvokeAsync(other, Next(otherRan)).AsTask().WaitAsync(CallTimeout);

        // Assert
        Assert.True(ownRan.Ran);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(forAnother).StatusCode);
        Assert.False(otherRan.Ran);
    }

    [Fact]
    public async Task Coordination_ShowsAMemberTheirTablesBoard_AndLeavesTheRebuildToOrganisers()
    {
        // Arrange
        var board = _app.Services.GetRequiredService<CoordinationPermissions>();

        // Act
        var seeBoard = await board.AllowsAsync(_member, CoordinationAction.SeeBoard, Guid.Empty).AsTask().WaitAsync(CallTimeout);
        var seeOwn = await board.AllowsAsync(_member, CoordinationAction.SeeTable, _tableA).AsTask().WaitAsync(CallTimeout);
        var seeOther = await board.AllowsAsync(_member, CoordinationAction.SeeTable, _tableB).AsTask().WaitAsync(CallTimeout);
        var memberRebuild = await board.AllowsAsync(_member, CoordinationAction.Rebuild, _tableA).AsTask().WaitAsync(CallTimeout);
        var organiserRebuild = await board.AllowsAsync(Organiser, CoordinationAction.Rebuild, _tableA).AsTask().WaitAsync(CallTimeout);

        // Assert
        Assert.True(seeBoard);
        Assert.True(seeOwn);
        Assert.False(seeOther);
        Assert.False(memberRebuild);
        Assert.True(organiserRebuild);
    }

    [Fact]
    public async Task Coordination_RefusesDesksAndAnonymousCallers_TheBoard()
    {
        // Arrange
        var board = _app.Services.GetRequiredService<CoordinationPermissions>();

        // Act
        var desk = await board.AllowsAsync(Desk, CoordinationAction.SeeBoard, Guid.Empty).AsTask().WaitAsync(CallTimeout);
        var anonymous = await board.AllowsAsync(Anonymous, CoordinationAction.SeeBoard, Guid.Empty).AsTask().WaitAsync(CallTimeout);
        var deskTable = await board.AllowsAsync(Desk, CoordinationAction.SeeTable, _tableA).AsTask().WaitAsync(CallTimeout);

        // Assert
        Assert.False(desk);
        Assert.False(anonymous);
        Assert.False(deskTable);
    }

    private sealed class Handler
    {
        public bool Ran { get; set; }
    }

    /// <summary>A call to a meeting route as the app's own filter sees it: the app's services, the route's values.</summary>
    private (EndpointFilterInvocationContext Context, Handler Ran) MeetingInvocation(ClaimsPrincipal user, Guid meetingId, Guid? memberId = null)
    {
        var http = new DefaultHttpContext { User = user, RequestServices = _app.Services };
        http.Request.RouteValues["id"] = meetingId.ToString();
        if (memberId is { } member) http.Request.RouteValues["memberId"] = member.ToString();
        return (new DefaultEndpointFilterInvocationContext(http), new Handler());
    }

    private static EndpointFilterDelegate Next(Handler handler) => _ =>
    {
        handler.Ran = true;
        return ValueTask.FromResult<object?>("handled");
    };
}
