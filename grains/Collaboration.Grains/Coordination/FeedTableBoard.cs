using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Coordination;

/// <summary>A meeting's action items as of its version, owed to its table's board (the board keeps the newest).</summary>
[GenerateSerializer, Immutable]
[Alias("effect.feed-table-board")]
public sealed record FeedTableBoard([property: Id(0)] MeetingActionItems Items) : IEffect
{
    public string? Key => "table-board";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<ITableBoardGrain>(Items.TableId).ApplyAsync(Items);
        return EffectResult.Delivered;
    }
}
