using System.Reflection;
using System.Threading.RateLimiting;

namespace Collaboration.Web.Platform;

/// <summary>
/// <c>UseRateLimiter()</c>, with the limiter the middleware builds for endpoint policies disposed when the application stops.
/// ASP.NET Core never disposes it (dotnet/aspnetcore#66434, #69259): its heartbeat timer runs on after the host is gone, and
/// its partitioner holds the middleware, hence the whole pipeline and service provider (the co-hosted silo included). One node
/// per process only loses a timer, but every disposed test node stayed in memory (the web suite reached ~14 GB).
/// The middleware is internal, so it is reached by name; should a later ASP.NET Core rename it, this falls back to the plain
/// middleware (DisposedNodeCollectionTests then fails and says so).
/// </summary>
public static class DisposingRateLimiter
{
    private static readonly Type? Middleware =
        typeof(RateLimiterApplicationBuilderExtensions).Assembly.GetType("Microsoft.AspNetCore.RateLimiting.RateLimitingMiddleware");

    private static readonly FieldInfo? EndpointLimiter =
        Middleware?.GetField("_endpointLimiter", BindingFlags.Instance | BindingFlags.NonPublic);

    private static readonly MethodInfo? Invoke =
        Middleware?.GetMethod("Invoke", BindingFlags.Instance | BindingFlags.Public, [typeof(HttpContext)]);

    public static IApplicationBuilder UseDisposingRateLimiter(this IApplicationBuilder app)
    {
        if (Middleware is null || EndpointLimiter is null || Invoke is null || Invoke.ReturnType != typeof(Task))
            return app.UseRateLimiter();

        // As UseRateLimiter does: the middleware built from the application's services, once, around the rest of the pipeline.
        return app.Use(next =>
        {
            var middleware = ActivatorUtilities.CreateInstance(app.ApplicationServices, Middleware, next);
            if (EndpointLimiter.GetValue(middleware) is PartitionedRateLimiter<HttpContext> limiter)
                app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(limiter.Dispose);
            return Invoke.CreateDelegate<RequestDelegate>(middleware);
        });
    }
}
