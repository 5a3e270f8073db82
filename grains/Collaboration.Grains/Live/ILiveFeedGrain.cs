namespace Collaboration.Grains.Live;

/// <summary>A grain that feeds a live topic: it can replay what a subscriber missed.</summary>
[Alias("live-feed")]
public interface ILiveFeedGrain : IGrain
{
    /// <summary>Events after <paramref name="sinceVersion"/> from the grain's tail, or null events when too old.</summary>
    Task<LiveReplay> GetEventsSinceAsync(long sinceVersion);
}
