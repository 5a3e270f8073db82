using System.Security.Claims;
using Collaboration.Grains.Accounts;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Collaboration.Web.Accounts;

/// <summary>Sign-in, sign-out, who am I, and organiser accounts.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/login", LoginAsync).RequireRateLimiting(RateLimits.Login);
        auth.MapPost("/logout", LogoutAsync);
        auth.MapGet("/me", Me).AllowAnonymous(); // every page asks: signed out is an answer, not an error
        auth.MapPost("/password", ChangePasswordAsync).RequireAuthorization(AuthenticationSetup.OrganiserPolicy);

        var organisers = app.MapGroup("/api/organisers").WithTags("Accounts").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        organisers.MapPost("/", CreateOrganiserAsync);
        app.MapTeamApi();
        app.MapPasswordResetApi();
        app.MapSecondFactorApi();
        return app;
    }

    /// <summary><see cref="Code"/>: the authenticator's code or a recovery code, for an account with a second factor.</summary>
    public sealed record LoginRequest(string? Email, string? Password, string? Code = null);

    public sealed record MeResponse(string Email, string DisplayName, string Role, bool SignedIn = true);

    public sealed record SignedOutResponse(bool SignedIn = false);

    public sealed record CreateOrganiserRequest(string? Email, string? DisplayName, string? Password);

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, IGrainFactory grains, PasswordHasher<OrganiserAccount> hasher, Sessions sessions, LoginThrottle throttle,
        SecondFactor secondFactor, HttpContext http)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (!EmailAddress.IsValid(request.Email))
            errors["email"] = EmailAddress.Invalid;
        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > PasswordRules.MaxLength)
            errors["password"] = new("Entrez votre mot de passe.", "Enter your password.");
        if (errors.Count > 0) return Problems.Validation(errors);

        var email = EmailAddress.Normalize(request.Email!);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.WaitBeforeTryingAsync(email, address) is { TotalSeconds: > 0 } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return RateLimits.TooMany(seconds);
        }
        var grain = grains.GetGrain<IOrganiserAccountGrain>(email);
        var account = await grain.GetAsync();
        // Verify against a throw-away hash when nobody may sign in here, so timing tells nothing.
        var verification = hasher.VerifyHashedPassword(account!, account is { CanSignIn: true } ? account.PasswordHash : PasswordRules.DummyHash, request.Password!);
        if (account is not { CanSignIn: true } || verification == PasswordVerificationResult.Failed)
        {
            await throttle.FailedAsync(email, address);
            return Problems.Create(StatusCodes.Status401Unauthorized, "invalid-credentials",
                "Courriel ou mot de passe incorrect.", "Incorrect email or password.");
        }
        if (account.SealedTotpSecret is not null)
        {
            if (string.IsNullOrWhiteSpace(request.Code))
                return Problems.Create(StatusCodes.Status401Unauthorized, "second-factor-required",
                    "Entrez le code à six chiffres de votre application d'authentification, ou un code de récupération.",
                    "Enter the six-digit code from your authenticator app, or a recovery code.");
            if (!await SecondFactorPassesAsync(grain, account, request.Code, secondFactor))
            {
                await throttle.FailedAsync(email, address);
                return Problems.Create(StatusCodes.Status401Unauthorized, "invalid-second-factor",
                    "Ce code n'est pas le bon, ou il a déjà servi.", "This code is wrong, or it was already used.");
            }
        }
        await throttle.SucceededAsync(email, address);
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
            await grain.ChangePasswordHashAsync(hasher.HashPassword(account, request.Password!));
        await grain.RecordSignInAsync();

        await SignInOrganiserAsync(http, sessions, account);
        return TypedResults.Ok(new MeResponse(account.Email, account.DisplayName, Roles.Organiser));
    }

    /// <summary>A TOTP code of an unused time step, or an unused recovery code.</summary>
    private static async Task<bool> SecondFactorPassesAsync(IOrganiserAccountGrain grain, OrganiserAccount account, string code, SecondFactor secondFactor)
    {
        if (code.Length > 20) return false;
        if (secondFactor.MatchingStep(account.SealedTotpSecret, code) is { } step) return await grain.UseTotpStepAsync(step);
        return await grain.UseRecoveryCodeAsync(SecondFactor.HashRecoveryCode(code));
    }

    internal static Task SignInOrganiserAsync(HttpContext http, Sessions sessions, OrganiserAccount account) => sessions.SignInAsync(http,
        [
            new Claim(ClaimTypes.NameIdentifier, account.Email),
            new Claim(ClaimTypes.Email, account.Email),
            new Claim(ClaimTypes.Name, account.DisplayName),
            new Claim(ClaimTypes.Role, Roles.Organiser),
        ], [SessionSubjects.Organiser(account.Email)], Roles.Organiser, account.DisplayName);

    /// <summary>Ends the session server-side: a copy of the cookie no longer works, on any node.</summary>
    private static async Task<NoContent> LogoutAsync(HttpContext http, Sessions sessions)
    {
        await sessions.SignOutAsync(http);
        return TypedResults.NoContent();
    }

    private static Results<Ok<MeResponse>, Ok<SignedOutResponse>> Me(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? TypedResults.Ok(new MeResponse(
            user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            user.FindFirstValue(ClaimTypes.Role) ?? ""))
        : TypedResults.Ok(new SignedOutResponse());

    private static async Task<Results<Created<MeResponse>, ProblemHttpResult>> CreateOrganiserAsync(
        CreateOrganiserRequest request, IGrainFactory grains, PasswordHasher<OrganiserAccount> hasher)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (EmailAddress.Refusal(request.Email) is { } refusal) errors["email"] = refusal;
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 120)
            errors["displayName"] = new("Entrez un nom (120 caractères au plus).", "Enter a name (120 characters at most).");
        if (PasswordRules.Check(request.Password, request.Email) is { } passwordError) errors["password"] = passwordError;
        if (errors.Count > 0) return Problems.Validation(errors);

        var email = EmailAddress.Normalize(request.Email!);
        var displayName = request.DisplayName!.Trim();
        var outcome = await grains.GetGrain<IOrganiserAccountGrain>(email)
            .CreateAsync(displayName, hasher.HashPassword(null!, request.Password!));
        return outcome == AccountCreation.AlreadyExists
            ? Problems.Create(StatusCodes.Status409Conflict, "account-exists",
                "Un compte existe déjà pour ce courriel.", "An account already exists for this email.")
            : TypedResults.Created($"/api/organisers/{Uri.EscapeDataString(email)}", new MeResponse(email, displayName, Roles.Organiser));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal user, IGrainFactory grains, PasswordHasher<OrganiserAccount> hasher, Sessions sessions,
        HttpContext http)
    {
        if (PasswordRules.Check(request.NewPassword, user.FindFirstValue(ClaimTypes.Email)) is { } passwordError)
            return Problems.Validation(new Dictionary<string, BilingualText> { ["newPassword"] = passwordError });
        var grain = grains.GetGrain<IOrganiserAccountGrain>(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var account = await grain.GetAsync();
        if (account is null || string.IsNullOrEmpty(request.CurrentPassword) ||
            hasher.VerifyHashedPassword(account, account.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
            return Problems.Create(StatusCodes.Status400BadRequest, "invalid-current-password",
                "Le mot de passe actuel est incorrect.", "The current password is incorrect.");
        await grain.ChangePasswordAsync(hasher.HashPassword(account, request.NewPassword!));
        // Every session of the account ends (a stolen cookie too); the caller continues in a fresh one.
        await sessions.EndAllAsync(SessionSubjects.Organiser(account.Email), "password-changed");
        await SignInOrganiserAsync(http, sessions, account);
        return TypedResults.NoContent();
    }
}
