using Collaboration.Web.Platform.Input;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Collaboration.Web.Platform;

/// <summary>
/// Checks of the request line before any endpoint runs, answered as problem details (Kestrel's own
/// refusals are bare): a path or query value holding a control character (<c>%00</c>…) is a 400
/// naming it — route and query values are stored too (codes, operators) — and an address longer
/// than <see cref="MaxTargetLength"/> a 414. Kestrel's own request-line limit is set above ours, so
/// it is ours that answers.
/// </summary>
public static class RequestGuard
{
    public const int MaxTargetLength = 8 * 1024;

    /// <summary><c>Limits:MaxRequestBodyBytes</c> overrides Kestrel's 30 MB body limit (a larger body gets a 413 problem).</summary>
    public static IServiceCollection AddRequestGuard(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestLineSize = 8 * MaxTargetLength;
            o.Limits.MaxRequestBodySize = configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? o.Limits.MaxRequestBodySize;
            o.AddServerHeader = false; // no "Server: Kestrel"
        });

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.Value?.Length + request.QueryString.Value?.Length > MaxTargetLength)
        {
            await Problems.ForStatus(StatusCodes.Status414UriTooLong).ExecuteAsync(context);
            return;
        }
        var field = TextInput.HasControl(request.Path.Value ?? "", allowLines: false) || TextInput.HasControl(request.PathBase.Value ?? "", allowLines: false)
            ? "path"
            : request.Query.FirstOrDefault(q => TextInput.HasControl(q.Key, false) || q.Value.Any(v => v is not null && TextInput.HasControl(v, false))).Key;
        if (field is not null)
        {
            await Problems.Invalid(field, TextInput.ControlCharacterMessage).ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
