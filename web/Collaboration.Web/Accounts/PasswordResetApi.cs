using Collaboration.Grains.Accounts;
using Collaboration.Web.Mail;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Collaboration.Web.Accounts;

/// <summary>
/// "Forgot my password": the request answers the same whether or not the account exists (the link
/// goes only to the account's own email); the link works once, for 30 minutes, and every session of
/// the account ends when it is used. The second factor stays: the next sign-in still asks for it.
/// </summary>
public static class PasswordResetApi
{
    public static IEndpointRouteBuilder MapPasswordResetApi(this IEndpointRouteBuilder app)
    {
        var reset = app.MapGroup("/api/auth/password-reset").WithTags("Accounts").RequireRateLimiting(RateLimits.SignInLinks);
        reset.MapPost("/", RequestAsync);
        reset.MapPost("/complete", CompleteAsync);
        return app;
    }

    public sealed record ResetRequest(string? Email, string? Language);

    private static async Task<Results<Accepted, ProblemHttpResult>> RequestAsync(
        ResetRequest request, IGrainFactory grains, AccountLinks accountLinks, MailLinks mailLinks, TimeProvider clock)
    {
        if (!EmailAddress.IsValid(request.Email))
            return Problems.Invalid("email", EmailAddress.Invalid);
        var email = EmailAddress.Normalize(request.Email!);
        var token = accountLinks.Issue(email, AccountLinks.PasswordReset);
        // The account decides whether to write; the answer is the same either way.
        await grains.GetGrain<IOrganiserAccountGrain>(email).RequestPasswordResetAsync(SecretTokens.Hash(token), mailLinks.SealSignInToken(token),
            clock.GetUtcNow() + AccountLinks.PasswordResetLifetime, request.Language is "fr" or "en" ? request.Language : null);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CompleteAsync(
        TeamApi.TokenPasswordRequest request, IGrainFactory grains, AccountLinks links, PasswordHasher<OrganiserAccount> hasher)
    {
        if (links.EmailOf(request.Token, AccountLinks.PasswordReset) is not { } email) return TeamApi.InvalidLink();
        if (PasswordRules.Check(request.Password, email) is { } refused) return Problems.Invalid("password", refused);
        var outcome = await grains.GetGrain<IOrganiserAccountGrain>(email)
            .CompletePasswordResetAsync(SecretTokens.Hash(request.Token!.Trim()), hasher.HashPassword(null!, request.Password!));
        // The account grain ends every session itself (an effect of its write), before answering.
        return outcome == AccountTokenOutcome.Done ? TypedResults.NoContent() : TeamApi.InvalidLink();
    }
}
