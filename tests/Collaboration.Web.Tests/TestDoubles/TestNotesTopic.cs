using System.Security.Claims;
using Collaboration.Grains.Live;
using Collaboration.Web.Accounts;
using Collaboration.Web.Live;

namespace Collaboration.Web.Tests.TestDoubles;

/// <summary>"test-note:{key}": organisers only, except keys starting with "public-", which anyone may follow.</summary>
public sealed class TestNotesTopic(IGrainFactory grains) : ILiveTopic
{
    public string Prefix => "test-note";

    public string Feed => "test-note";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) =>
        ValueTask.FromResult(key.StartsWith("public-", StringComparison.Ordinal) || user.IsInRole(Roles.Organiser));

    public ILiveFeedGrain Source(string key) => grains.GetGrain<INoteGrain>(key);

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var board = await grains.GetGrain<INoteGrain>(key).GetAsync();
        return new LiveSnapshot(board.Version, board);
    }
}
