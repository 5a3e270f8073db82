using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Collaboration.Web.Platform;

/// <summary>
/// Rate limits for anonymous endpoints (sign-in, later registrations and pairing), per client
/// address. Limits come from configuration section "RateLimiting".
/// </summary>
public static class RateLimits
{
    public const string Anonymous = "anonymous";

    public static IServiceCollection AddConcertationRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permitsPerMinute = configuration.GetValue("RateLimiting:AnonymousPermitsPerMinute", 30);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Anonymous, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Create(StatusCodes.Status429TooManyRequests, "rate-limited",
                    "Trop de tentatives. Réessayez dans une minute.", "Too many attempts. Try again in a minute.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
    }
}
