using Collaboration.Grains.Live;
using Collaboration.Grains.Tables.Events;
using Collaboration.Silo.Live;
using Collaboration.Web.Live;

namespace Collaboration.Web.Meetings;

/// <summary>
/// When a table revokes a member — on whichever node — the revocation event reaches every node
/// through the live relay, and each node takes that member's connections off its meeting topics.
/// </summary>
public sealed class RevokedMemberEjector(LocalLiveFeed feed, MeetingPresence presence) : LiveFeedListener(feed)
{
    protected override string Feed => "table";

    protected override void OnEvent(LiveEvent liveEvent)
    {
        if (liveEvent.Data is TableMemberAccessRevoked revoked) _ = presence.EjectAsync($"member:{revoked.MemberId:N}");
    }
}
