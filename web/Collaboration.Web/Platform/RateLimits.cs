using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Collaboration.Web.Platform;

/// <summary>
/// Rate limits per endpoint family and per client address (the real one, behind a known proxy:
/// see <see cref="ProxySetup"/>), each with its own bucket, so that one family's traffic never
/// starves another. Password sign-in is not counted here: it has its own per-account and
/// per-address back-off (<see cref="Accounts.LoginThrottle"/>), so a flood of wrong guesses never
/// locks the right person out. Each family reads its own <c>RateLimiting:&lt;Family&gt;PermitsPerMinute</c>
/// and nothing else (a general setting that every family fell back to made them all 30), defaulting
/// to the values in <see cref="Families"/>; the README's table is checked against them.
/// </summary>
public static class RateLimits
{
    /// <summary>Anonymous writes that are not one of the families below (the general bucket).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Redeeming a member's sign-in link, pairing a desk with a code: guessing targets.</summary>
    public const string SignInLinks = "sign-in-links";

    /// <summary>Registering for a workshop or colloque, changing or cancelling a registration.</summary>
    public const string Registrations = "registrations";

    /// <summary>Reading a registration by its private token (the manage page re-reads it as the waitlist moves).</summary>
    public const string RegistrationReads = "registration-reads";

    /// <summary>Anonymous reads of an event by its id (the colloque's public page and calendar): each unknown id costs a look-up.</summary>
    public const string PublicReads = "public-reads";

    /// <summary>Asking for a link by email (a workshop registration's manage link, a member's sign-in link): each sends a message.</summary>
    public const string LinkRequests = "link-requests";

    /// <summary>The password sign-in endpoint: only a flood guard; wrong passwords are slowed by the login back-off.</summary>
    public const string Login = "login";

    /// <summary>Each family: its policy name, the name of its setting (RateLimiting:…), its default per minute.</summary>
    public static readonly IReadOnlyList<(string Policy, string Setting, int PerMinute)> Families =
    [
        (Anonymous, "AnonymousPermitsPerMinute", 30),
        (SignInLinks, "SignInLinksPermitsPerMinute", 20),
        (Registrations, "RegistrationsPermitsPerMinute", 30),
        (RegistrationReads, "RegistrationReadsPermitsPerMinute", 240),
        (PublicReads, "PublicReadsPermitsPerMinute", 240),
        (Login, "LoginPermitsPerMinute", 300),
        (LinkRequests, "LinkRequestsPermitsPerMinute", 10),
    ];

    /// <summary>What a family allows per minute and per address with this configuration.</summary>
    public static int PermitsPerMinute(IConfiguration configuration, string setting) =>
        configuration.GetValue<int?>($"RateLimiting:{setting}") ?? Families.Single(f => f.Setting == setting).PerMinute;

    public static IServiceCollection AddConcertationRateLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var (name, setting, _) in Families)
            {
                var permits = PermitsPerMinute(configuration, setting);
                options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
            }
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await TooMany(60).ExecuteAsync(context.HttpContext);
            };
        });

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooMany(int retryAfterSeconds) =>
        Problems.Create(StatusCodes.Status429TooManyRequests, "rate-limited",
            $"Trop de tentatives. Réessayez dans {retryAfterSeconds} s.", $"Too many attempts. Try again in {retryAfterSeconds} s.");
}
