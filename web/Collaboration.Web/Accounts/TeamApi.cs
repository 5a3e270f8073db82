using System.Security.Claims;
using Collaboration.Grains.Accounts;
using Collaboration.Web.Mail;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Collaboration.Web.Accounts;

/// <summary>The organisers' team: list, invite by email, deactivate and reactivate, reset a colleague's second factor; the invitee's acceptance.</summary>
public static class TeamApi
{
    public static IEndpointRouteBuilder MapTeamApi(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup("/api/organisers").WithTags("Accounts").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        team.MapGet("/", ListAsync);
        team.MapPost("/invitations", InviteAsync);
        team.MapPost("/{email}/deactivate", DeactivateAsync);
        team.MapPost("/{email}/reactivate", ReactivateAsync);
        team.MapPost("/{email}/second-factor/reset", ResetSecondFactorAsync);

        app.MapPost("/api/organisers/invitations/accept", AcceptAsync).WithTags("Accounts").RequireRateLimiting(RateLimits.SignInLinks);
        return app;
    }

    public sealed record InviteRequest(string? Email, string? DisplayName, string? Language);

    public sealed record InviteResponse(string Email, DateTimeOffset ExpiresAt);

    /// <summary>A link's token and the password its holder chooses (invitation or reset).</summary>
    public sealed record TokenPasswordRequest(string? Token, string? Password);

    private static async Task<Ok<IReadOnlyList<OrganiserSummary>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IOrganiserDirectoryGrain>(OrganiserDirectoryGrain.Key).ListAsync());

    private static async Task<Results<Accepted<InviteResponse>, ProblemHttpResult>> InviteAsync(
        InviteRequest request, ClaimsPrincipal user, IGrainFactory grains, AccountLinks accountLinks, MailLinks mailLinks, TimeProvider clock)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (EmailAddress.Refusal(request.Email) is { } refusal) errors["email"] = refusal;
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 120)
            errors["displayName"] = new("Entrez un nom (120 caractères au plus).", "Enter a name (120 characters at most).");
        if (request.Language is not (null or "fr" or "en"))
            errors["language"] = new("La langue est « fr » ou « en ».", "The language is \"fr\" or \"en\".");
        if (errors.Count > 0) return Problems.Validation(errors);

        var email = EmailAddress.Normalize(request.Email!);
        var token = accountLinks.Issue(email, AccountLinks.Invitation);
        var expiresAt = clock.GetUtcNow() + AccountLinks.InvitationLifetime;
        var outcome = await grains.GetGrain<IOrganiserAccountGrain>(email).InviteAsync(new OrganiserInvitation(
            request.DisplayName!.Trim(), user.FindFirstValue(ClaimTypes.Name) ?? Caller(user), SecretTokens.Hash(token),
            mailLinks.SealSignInToken(token), expiresAt, request.Language, Caller(user)));
        return outcome == InvitationOutcome.AlreadyExists
            ? Problems.Create(StatusCodes.Status409Conflict, "account-exists",
                "Un compte existe déjà pour ce courriel (réactivez-le s'il est désactivé).",
                "An account already exists for this email (reactivate it if it is deactivated).")
            : TypedResults.Accepted($"/api/organisers/{Uri.EscapeDataString(email)}", new InviteResponse(email, expiresAt));
    }

    private static async Task<Results<Ok<AccountsApi.MeResponse>, ProblemHttpResult>> AcceptAsync(
        TokenPasswordRequest request, IGrainFactory grains, AccountLinks links, PasswordHasher<OrganiserAccount> hasher, Sessions sessions,
        HttpContext http)
    {
        if (links.EmailOf(request.Token, AccountLinks.Invitation) is not { } email) return InvalidLink();
        if (PasswordRules.Check(request.Password, email) is { } refused) return Problems.Invalid("password", refused);
        var grain = grains.GetGrain<IOrganiserAccountGrain>(email);
        if (await grain.AcceptInvitationAsync(SecretTokens.Hash(request.Token!.Trim()), hasher.HashPassword(null!, request.Password!)) != AccountTokenOutcome.Done)
            return InvalidLink();
        var account = (await grain.GetAsync())!;
        await grain.RecordSignInAsync();
        await AccountsApi.SignInOrganiserAsync(http, sessions, account);
        return TypedResults.Ok(new AccountsApi.MeResponse(account.Email, account.DisplayName, Roles.Organiser));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeactivateAsync(
        string email, ClaimsPrincipal user, IGrainFactory grains)
    {
        var target = EmailAddress.Normalize(email);
        if (target == Caller(user))
            return Problems.Create(StatusCodes.Status409Conflict, "cannot-deactivate-self",
                "Vous ne pouvez pas désactiver votre propre compte.", "You cannot deactivate your own account.");
        var outcome = await grains.GetGrain<IOrganiserAccountGrain>(target).DeactivateAsync(Caller(user));
        // The account grain ends the sessions itself (an effect of its write), before answering.
        return outcome == OrganiserChange.NotFound ? NotFound() : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReactivateAsync(string email, ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IOrganiserAccountGrain>(EmailAddress.Normalize(email)).ReactivateAsync(Caller(user)) switch
        {
            OrganiserChange.NotFound => NotFound(),
            _ => TypedResults.NoContent(),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetSecondFactorAsync(string email, ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IOrganiserAccountGrain>(EmailAddress.Normalize(email)).ResetSecondFactorAsync(Caller(user)) switch
        {
            OrganiserChange.NotFound => NotFound(),
            _ => TypedResults.NoContent(),
        };

    private static string Caller(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static ProblemHttpResult NotFound() => Problems.Create(StatusCodes.Status404NotFound, "organiser-not-found",
        "Aucun compte organisateur sous ce courriel.", "No organiser account under this email.");

    /// <summary>One answer for a link that is unknown, used, expired or replaced: a link tells nothing about an account.</summary>
    internal static ProblemHttpResult InvalidLink() => Problems.Create(StatusCodes.Status400BadRequest, "invalid-link",
        "Ce lien n'est plus valable (déjà utilisé, expiré ou remplacé). Demandez-en un nouveau.",
        "This link is no longer valid (used, expired or replaced). Ask for a new one.");
}
