using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Live;

/// <summary>
/// Told by <see cref="LiveHub"/> when a connection joins or leaves a topic (after the permission
/// check and the group join), and when a connection ends. For what lives only as long as
/// connections do, such as who has a meeting open right now. Register with
/// <c>services.AddSingleton&lt;ILiveSubscriptionObserver, …&gt;()</c>; calls must be quick.
/// </summary>
public interface ILiveSubscriptionObserver
{
    Task OnSubscribedAsync(string topic, HubCallerContext connection);

    Task OnUnsubscribedAsync(string topic, string connectionId);

    Task OnDisconnectedAsync(string connectionId);
}
