using System.Security.Claims;
using Collaboration.Grains.Accounts;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Meetings;

public static partial class MeetingsApi
{
    public sealed record CreateTableRequest(string? Name, int? Quorum);

    public sealed record AddMemberRequest(string? Name, string? Organisation, string? Sector, string? Email, string? Role);

    public sealed record MemberLinkResponse(Guid MemberId, string SignInLink);

    public sealed record SignInRequest(string? Token);

    public sealed record SignInLinkRequest(string? Email);

    public sealed record SignInResponse(Guid TableId, Guid MemberId, string DisplayName);

    /// <summary>A table; <c>QuorumReachable</c> is false while the quorum exceeds the members with access (no meeting could reach it).</summary>
    public sealed record TableResponse(
        Guid Id, string Name, int Quorum, string Role, Guid? MemberId, IReadOnlyList<TableMemberResponse> Members,
        int ActiveMembers, bool QuorumReachable);

    /// <summary>A member as others see them; email and access only for organisers.</summary>
    public sealed record TableMemberResponse(Guid Id, string Name, string Organisation, Sector Sector, MemberRole Role, string? Email, bool? AccessRevoked, Guid? OrganisationId);

    /// <summary><see cref="MinutesStatus"/>: the minutes' state once the meeting closed (an adopted one may be corrected by an erratum).</summary>
    public sealed record MeetingSummary(Guid Id, string Title, DateTimeOffset StartsAt, string Location, MeetingStatus Status, int OpenActionItems,
        MinutesStatus? MinutesStatus = null);

    private static async Task<Ok<IReadOnlyList<TableEntry>>> ListTablesAsync(ClaimsPrincipal user, MeetingsPermissions permissions) =>
        TypedResults.Ok(await permissions.VisibleTablesAsync(user));

    private static async Task<Results<Created<TableResponse>, ProblemHttpResult>> CreateTableAsync(
        CreateTableRequest request, ClaimsPrincipal user, MeetingsService service)
    {
        var errors = new Dictionary<string, BilingualText>();
        CheckText(errors, "name", request.Name, 200, required: true);
        if (request.Quorum is not (>= 1 and <= 500)) errors["quorum"] = new("Le quorum est un nombre de 1 à 500.", "The quorum is a number from 1 to 500.");
        if (errors.Count > 0) return Problems.Validation(errors);

        var id = await service.CreateTableAsync(request.Name!.Trim(), request.Quorum!.Value, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        return TypedResults.Created($"/api/tables/{id}", new TableResponse(id, request.Name.Trim(), request.Quorum.Value, "organiser", null, [], 0, false));
    }

    private static async Task<Results<Ok<TableResponse>, ProblemHttpResult>> GetTableAsync(
        Guid tableId, ClaimsPrincipal user, IGrainFactory grains, MeetingsPermissions permissions)
    {
        var table = await grains.GetGrain<ITableGrain>(tableId).GetAsync();
        if (table is null) return TableNotFound();
        var access = await permissions.ForTableAsync(user, tableId, table);
        var organiser = access.Role == TableRole.Organiser;
        var active = table.Members.Count(m => !m.AccessRevoked);
        return TypedResults.Ok(new TableResponse(table.Id, table.Name, table.Quorum, RoleName(access.Role), access.MemberId,
            [.. table.Members.Select(m => new TableMemberResponse(m.Id, m.Name, m.Organisation, m.Sector, m.Role,
                organiser ? m.Email : null, organiser ? m.AccessRevoked : null, m.OrganisationId))], active, table.Quorum <= active));
    }

    private static async Task<Results<Ok<IReadOnlyList<MeetingSummary>>, ProblemHttpResult>> ListMeetingsAsync(
        Guid tableId, IGrainFactory grains)
    {
        var table = await grains.GetGrain<ITableGrain>(tableId).GetAsync();
        if (table is null) return TableNotFound();
        var summaries = new List<MeetingSummary>();
        foreach (var reference in table.Meetings.OrderByDescending(m => m.StartsAt))
        {
            if (await grains.GetGrain<IMeetingGrain>(reference.Id).GetAsync() is { } m)
                summaries.Add(new MeetingSummary(m.Id, m.Title, m.StartsAt, m.Location, m.Status,
                    m.ActionItems.Concat(m.FollowUps).Count(a => a.Status == ActionItemStatus.Open), m.Minutes?.Status));
        }
        return TypedResults.Ok<IReadOnlyList<MeetingSummary>>(summaries);
    }

    private static async Task<Results<Created<MemberLinkResponse>, ProblemHttpResult>> AddMemberAsync(
        Guid tableId, AddMemberRequest request, HttpContext http, MeetingsService service)
    {
        var errors = new Dictionary<string, BilingualText>();
        CheckText(errors, "name", request.Name, 120, required: true);
        CheckText(errors, "organisation", request.Organisation, 200, required: false);
        if (EmailAddress.Refusal(request.Email) is { } refusal) errors["email"] = refusal;
        var sector = ParseSector(request.Sector);
        if (sector is null)
            errors["sector"] = new("Choisissez : communautaire, institutionnel, économique, municipal ou autre.",
                "Choose: communautaire, institutionnel, économique, municipal or autre.");
        MemberRole? role = request.Role?.Trim().ToLowerInvariant() switch
        {
            null or "" or "member" or "membre" => MemberRole.Member,
            "secretary" or "secrétaire" or "secretaire" => MemberRole.Secretary,
            _ => null,
        };
        if (role is null) errors["role"] = new("Choisissez : member ou secretary.", "Choose: member or secretary.");
        if (errors.Count > 0) return Problems.Validation(errors);

        var (outcome, memberId, token) = await service.AddMemberAsync(tableId, new NewTableMember(
            request.Name!.Trim(), request.Organisation?.Trim() ?? "", sector!.Value, EmailAddress.Normalize(request.Email!), role!.Value));
        return outcome switch
        {
            TableOutcome.Done => TypedResults.Created($"/api/tables/{tableId}/members/{memberId}", new MemberLinkResponse(memberId, LinkFor(http, token!))),
            TableOutcome.AlreadyExists => Problems.Create(StatusCodes.Status409Conflict, "member-exists",
                "Un membre de cette table a déjà ce courriel.", "A member of this table already has this email."),
            _ => TableNotFound(),
        };
    }

    /// <summary>A fresh link for a member whose link was used up or lost; the previous link stops working.</summary>
    private static async Task<Results<Ok<MemberLinkResponse>, ProblemHttpResult>> ReissueLinkAsync(
        Guid tableId, Guid memberId, HttpContext http, MeetingsService service)
    {
        var (outcome, token) = await service.IssueLinkAsync(tableId, memberId);
        return outcome == TableOutcome.Done
            ? TypedResults.Ok(new MemberLinkResponse(memberId, LinkFor(http, token!)))
            : Problems.Create(StatusCodes.Status404NotFound, "member-not-found", "Membre introuvable.", "Member not found.");
    }

    /// <summary>
    /// Revokes a member: link, cookies (at their next request) and their live subscriptions — on this node
    /// before answering, on the others when the table's revocation event reaches them (<see cref="RevokedMemberEjector"/>).
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeMemberAsync(
        Guid tableId, Guid memberId, MeetingsService service, MeetingPresence presence,
        Sessions sessions)
    {
        if (await service.RevokeAsync(tableId, memberId) != TableOutcome.Done)
            return Problems.Create(StatusCodes.Status404NotFound, "member-not-found", "Membre introuvable.", "Member not found.");
        await presence.EjectAsync($"member:{memberId:N}");
        await sessions.EndAllAsync(SessionSubjects.Member(memberId), "member-revoked");
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Redeems a member's single-use link into a cookie (role member). A member of several tables
    /// who opens each link keeps them all in one cookie.
    /// </summary>
    private static async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext http, MeetingsService service, Sessions sessions)
    {
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 100)
            return Problems.Validation(new Dictionary<string, BilingualText> { ["token"] = new("Lien de connexion manquant.", "Sign-in link missing.") });
        var (status, membership, name) = await service.RedeemAsync(request.Token.Trim());
        // Used, expired, revoked or never issued: one answer, so a guess learns nothing a holder would not.
        if (status != InvitationStatus.Redeemed || membership is null)
            // Used, expired, revoked or unknown: one answer, and the page offers a new link by email.
            return Problems.Create(StatusCodes.Status410Gone, "link-invalid",
                "Ce lien n'est plus valide. Recevez un nouveau lien par courriel.", "This link is no longer valid. Get a new link by email.");

        var current = http.User.IsInRole(Roles.Member) ? http.User : null;
        var memberships = (current is null ? [] : TableMembership.From(current))
            .Where(m => m.TableId != membership.TableId).Append(membership);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"member:{membership.MemberId:N}"),
            new(ClaimTypes.Name, name ?? ""),
            new(ClaimTypes.Role, Roles.Member),
        };
        claims.AddRange(memberships.Select(m => new Claim(TableMembership.ClaimType, m.ToClaimValue())));
        // One session speaks for every table of the cookie; the previous session (fewer tables) ends.
        if (current is not null && Sessions.IdOf(current) is { } previous) await sessions.EndAsync(previous, "replaced");
        await sessions.SignInAsync(http, claims, [.. memberships.Select(m => SessionSubjects.Member(m.MemberId))], Roles.Member, name ?? "");
        return TypedResults.Ok(new SignInResponse(membership.TableId, membership.MemberId, name ?? ""));
    }

    /// <summary>
    /// A member asks for a new sign-in link: the same 202 for any well-formed address, member or not,
    /// answered before the message a member's address causes is written (<see cref="MeetingsService.RequestLinkAsync"/>).
    /// </summary>
    private static async Task<Results<Accepted, ProblemHttpResult>> RequestSignInLinkAsync(SignInLinkRequest request, MeetingsService service)
    {
        if (!EmailAddress.IsValid(request.Email))
            return Problems.Validation(new Dictionary<string, BilingualText>
            {
                ["email"] = new("Entrez une adresse courriel valide (ex. nom@organisme.ca).", "Enter a valid email address (e.g. name@organisation.ca)."),
            });
        await service.RequestLinkAsync(EmailAddress.Normalize(request.Email!));
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>The link the member opens: the token rides in the fragment, so it reaches neither logs nor referrers.</summary>
    private static string LinkFor(HttpContext http, string token) => $"{http.Request.Scheme}://{http.Request.Host}/join.html#t={token}";

    private static Sector? ParseSector(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "communautaire" or "community" => Sector.Communautaire,
        "institutionnel" or "institutional" => Sector.Institutionnel,
        "économique" or "economique" or "economic" => Sector.Economique,
        "municipal" => Sector.Municipal,
        "autre" or "other" => Sector.Autre,
        _ => null,
    };
}
