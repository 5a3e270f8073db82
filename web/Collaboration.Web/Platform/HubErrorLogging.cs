using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Platform;

/// <summary>
/// How hub calls that fail are logged. An expected refusal (a <see cref="HubException"/>: unknown
/// topic, access denied, session ended), which any anonymous caller can trigger, is logged at
/// information level without a stack trace, so it cannot flood the logs; any other exception is a
/// real fault, logged at error level with its stack trace. SignalR's own dispatcher would log
/// both at error level with the stack trace, so its category is silenced (see <see cref="Add"/>).
/// </summary>
public sealed class HubErrorLogging(ILogger<HubErrorLogging> logger) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddLogging(logging => logging.AddFilter(DispatcherCategory, LogLevel.None));
        services.AddSingleton<HubErrorLogging>();
        // First filter added = outermost: it sees the refusals of every other filter too.
        services.Configure<HubOptions>(o => o.AddFilter<HubErrorLogging>());
        return services;
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (HubException refused)
        {
            logger.LogInformation("Hub call {Method} refused for connection {Connection}: {Reason}",
                context.HubMethodName, context.Context.ConnectionId, refused.Message);
            throw;
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            logger.LogError(fault, "Hub call {Method} failed for connection {Connection}", context.HubMethodName, context.Context.ConnectionId);
            throw;
        }
    }
}
