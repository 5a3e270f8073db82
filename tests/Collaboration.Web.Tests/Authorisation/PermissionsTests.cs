using System.Security.Claims;
using Collaboration.Web.Accounts;
using Collaboration.Web.Colloque;
using Collaboration.Web.Meetings;
using Collaboration.Web.Platform.Permissions;
using Collaboration.Web.Workshops;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Authorisation;

/// <summary>
/// The permission classes that need no stored table, and the one endpoint filter: each role is refused
/// where it must be (the matrix, <see cref="AuthorisationMatrixTests"/>, shows it through HTTP).
/// </summary>
public sealed class PermissionsTests
{
    private static readonly Guid ColloqueA = Guid.NewGuid();
    private static readonly Guid ColloqueB = Guid.NewGuid();
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal Organiser = SignedIn(new Claim(ClaimTypes.Role, Roles.Organiser));
    private static readonly ClaimsPrincipal Member = SignedIn(new Claim(ClaimTypes.Role, Roles.Member),
        new Claim(TableMembership.ClaimType, new TableMembership(Guid.NewGuid(), Guid.NewGuid(), 1).ToClaimValue()));
    private static readonly ClaimsPrincipal DeskOfA = SignedIn(new Claim(ClaimTypes.Role, Roles.Desk),
        new Claim(ColloqueClaims.ColloqueId, ColloqueA.ToString()), new Claim(ColloqueClaims.DeskId, "desk-a"));

    public static TheoryData<string, ColloqueAction, bool> ColloqueCases => new()
    {
        { "organiser", ColloqueAction.Manage, true },
        { "organiser", ColloqueAction.Operate, true },
        { "organiser", ColloqueAction.AdmitBeyondPlaces, true },
        { "desk", ColloqueAction.Manage, false },
        { "desk", ColloqueAction.Operate, true },
        { "desk", ColloqueAction.AdmitBeyondPlaces, false },
        { "member", ColloqueAction.Manage, false },
        { "member", ColloqueAction.Operate, false },
        { "member", ColloqueAction.AdmitBeyondPlaces, false },
        { "anonymous", ColloqueAction.Manage, false },
        { "anonymous", ColloqueAction.Operate, false },
        { "anonymous", ColloqueAction.AdmitBeyondPlaces, false },
        { "anonymous", ColloqueAction.FollowPublicly, true },
        { "desk", ColloqueAction.FollowPublicly, true },
    };

    [Theory]
    [MemberData(nameof(ColloqueCases))]
    public async Task Colloque_AllowsEachRoleOnlyItsActions_OnItsColloque(string caller, ColloqueAction action, bool allowed)
    {
        // Act
        var answer = await new ColloquePermissions().AllowsAsync(Caller(caller), action, ColloqueA);

        // Assert
        Assert.Equal(allowed, answer);
    }

    [Fact]
    public async Task Colloque_RefusesADesk_AnotherColloque()
    {
        // Act
        var operate = await new ColloquePermissions().AllowsAsync(DeskOfA, ColloqueAction.Operate, ColloqueB);

        // Assert
        Assert.False(operate);
    }

    [Theory]
    [InlineData("anonymous", WorkshopAction.Browse, true)]
    [InlineData("anonymous", WorkshopAction.Register, true)]
    [InlineData("anonymous", WorkshopAction.ManageOwnRegistration, true)]
    [InlineData("anonymous", WorkshopAction.Organise, false)]
    [InlineData("member", WorkshopAction.Organise, false)]
    [InlineData("desk", WorkshopAction.Organise, false)]
    [InlineData("organiser", WorkshopAction.Organise, true)]
    public async Task Workshops_LeaveOrganisingToOrganisers(string caller, WorkshopAction action, bool allowed)
    {
        // Act
        var answer = await new WorkshopsPermissions().AllowsAsync(Caller(caller), action, Guid.NewGuid());

        // Assert
        Assert.Equal(allowed, answer);
    }

    [Theory]
    [InlineData(TableRole.None, MeetingAction.Read, false)]
    [InlineData(TableRole.Member, MeetingAction.Read, true)]
    [InlineData(TableRole.Member, MeetingAction.Run, false)]
    [InlineData(TableRole.Member, MeetingAction.ManageTable, false)]
    [InlineData(TableRole.Secretary, MeetingAction.Run, true)]
    [InlineData(TableRole.Secretary, MeetingAction.ManageTable, false)]
    [InlineData(TableRole.Organiser, MeetingAction.Run, true)]
    [InlineData(TableRole.Organiser, MeetingAction.ManageTable, true)]
    [InlineData(TableRole.Organiser, MeetingAction.Vote, false)]
    [InlineData(TableRole.Organiser, MeetingAction.CommentMinutes, false)]
    public void Meetings_GiveEachRoleOfTheTableItsActions(TableRole role, MeetingAction action, bool allowed)
    {
        // Arrange
        var access = new TableAccess(role, role is TableRole.Member or TableRole.Secretary ? Guid.NewGuid() : null);

        // Act
        var answer = MeetingsPermissions.Allows(access, action);

        // Assert
        Assert.Equal(allowed, answer);
    }

    [Theory]
    [InlineData(MeetingAction.SetAttendance)]
    [InlineData(MeetingAction.SetActionItemStatus)]
    [InlineData(MeetingAction.RaiseHand)]
    [InlineData(MeetingAction.ShareDocument)]
    [InlineData(MeetingAction.Vote)]
    public void Meetings_LetAMemberActForThemself_NotForAnother(MeetingAction action)
    {
        // Arrange
        var self = Guid.NewGuid();
        var access = new TableAccess(TableRole.Member, self);

        // Act
        var forSelf = MeetingsPermissions.Allows(access, action, self);
        var forAnother = MeetingsPermissions.Allows(access, action, Guid.NewGuid());

        // Assert
        Assert.True(forSelf);
        Assert.False(forAnother);
    }

    [Fact]
    public async Task Filter_RunsTheHandler_WhenThePermissionAllowsTheRoutesResource()
    {
        // Arrange
        var (context, ran) = Invocation(DeskOfA, ColloqueA.ToString());

        // Act
        var result = await new RequirePermission<ColloqueAction>(ColloqueAction.Operate, "id").InvokeAsync(context, Next(ran));

        // Assert
        Assert.Equal("handled", result);
        Assert.True(ran.Ran);
    }

    [Fact]
    public async Task Filter_Answers403_ToASignedInCallerThePermissionRefuses()
    {
        // Arrange
        var (context, ran) = Invocation(DeskOfA, ColloqueB.ToString());

        // Act
        var result = await new RequirePermission<ColloqueAction>(ColloqueAction.Operate, "id").InvokeAsync(context, Next(ran));

        // Assert
        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status403Forbidden, problem.StatusCode);
        Assert.Equal("forbidden", problem.ProblemDetails.Extensions["code"]);
        Assert.False(ran.Ran);
    }

    [Fact]
    public async Task Filter_Answers401_ToNobodySignedIn()
    {
        // Arrange
        var (context, ran) = Invocation(Anonymous, ColloqueA.ToString());

        // Act
        var result = await new RequirePermission<ColloqueAction>(ColloqueAction.Operate, "id").InvokeAsync(context, Next(ran));

        // Assert
        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status401Unauthorized, problem.StatusCode);
        Assert.False(ran.Ran);
    }

    [Fact]
    public async Task Filter_RefusesADesk_WhenTheRouteNamesNoColloque()
    {
        // Arrange
        var (context, ran) = Invocation(DeskOfA, routeId: null);

        // Act
        var result = await new RequirePermission<ColloqueAction>(ColloqueAction.Operate, "id").InvokeAsync(context, Next(ran));

        // Assert
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(result).StatusCode);
        Assert.False(ran.Ran);
    }

    private static ClaimsPrincipal SignedIn(params Claim[] claims) => new(new ClaimsIdentity(claims, "test"));

    private static ClaimsPrincipal Caller(string name) => name switch
    {
        "organiser" => Organiser,
        "member" => Member,
        "desk" => DeskOfA,
        _ => Anonymous,
    };

    private sealed class Handler
    {
        public bool Ran { get; set; }
    }

    private static (EndpointFilterInvocationContext Context, Handler Ran) Invocation(ClaimsPrincipal user, string? routeId)
    {
        var services = new ServiceCollection().AddPermissions<ColloquePermissions, ColloqueAction>().BuildServiceProvider();
        var http = new DefaultHttpContext { User = user, RequestServices = services };
        if (routeId is not null) http.Request.RouteValues["id"] = routeId;
        return (new DefaultEndpointFilterInvocationContext(http), new Handler());
    }

    private static EndpointFilterDelegate Next(Handler handler) => _ =>
    {
        handler.Ran = true;
        return ValueTask.FromResult<object?>("handled");
    };
}
