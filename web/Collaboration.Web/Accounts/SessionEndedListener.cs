using Collaboration.Grains.Live;
using Collaboration.Grains.Sessions;
using Collaboration.Silo.Live;
using Collaboration.Web.Live;

namespace Collaboration.Web.Accounts;

/// <summary>Hears, through the live relay, the sessions that end on any node, and applies it on this one.</summary>
public sealed class SessionEndedListener(LocalLiveFeed feed, Sessions sessions) : LiveFeedListener(feed)
{
    protected override string Feed => SessionGrain.Feed;

    protected override void OnEvent(LiveEvent liveEvent)
    {
        if (liveEvent.Data is SessionEnded ended) sessions.OnEnded(ended.SessionId);
    }
}
