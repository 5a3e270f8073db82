using System.Security.Claims;
using Collaboration.Grains.Coordination;
using Collaboration.Grains.Live;
using Collaboration.Web.Live;

namespace Collaboration.Web.Coordination;

/// <summary>"board:{tableId}": the table's action items as they change, for its members and the organisers (the meeting topic's audience).</summary>
public sealed class BoardTopic(IGrainFactory grains, CoordinationPermissions permissions) : ILiveTopic
{
    public const string TopicPrefix = "board";

    public string Prefix => TopicPrefix;

    public string Feed => "table-board";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) =>
        Guid.TryParse(key, out var tableId) ? permissions.AllowsAsync(user, CoordinationAction.SeeTable, tableId) : ValueTask.FromResult(false);

    public ILiveFeedGrain Source(string key) => grains.GetGrain<ITableBoardGrain>(Guid.Parse(key));

    /// <summary>The snapshot goes through the events' JSON shape, so the page reads one casing ("open", "done").</summary>
    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var board = await grains.GetGrain<ITableBoardGrain>(Guid.Parse(key)).GetAsync();
        return new LiveSnapshot(board.Version, board);
    }
}
