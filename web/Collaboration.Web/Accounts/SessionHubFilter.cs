using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Accounts;

/// <summary>
/// The hub side of <see cref="Sessions"/>: a connection whose session ended is refused, every hub
/// call checks the session again, and the connection is known by its session so that ending the
/// session closes it.
/// </summary>
public sealed class SessionHubFilter(Sessions sessions, SessionConnections connections, ILogger<SessionHubFilter> logger) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (Sessions.IdOf(context.Context.User) is { } id)
        {
            if (!await sessions.IsActiveAsync(id))
            {
                logger.LogInformation("Hub connection {Connection} refused: its session has ended", context.Context.ConnectionId);
                context.Context.Abort();
                return;
            }
            connections.Add(id, context.Context);
        }
        await next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (Sessions.IdOf(context.Context.User) is { } id && !await sessions.IsActiveAsync(id))
        {
            context.Context.Abort();
            throw new HubException("Session terminée : reconnectez-vous. / Session ended: sign in again.");
        }
        return await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (Sessions.IdOf(context.Context.User) is { } id) connections.Remove(id, context.Context.ConnectionId);
        return next(context, exception);
    }
}
