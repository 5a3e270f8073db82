using System.Collections.Concurrent;

namespace Collaboration.Grains.Platform;

/// <summary>
/// How many effects this silo's activations still have to deliver (a gauge for operators, and what a test waits on
/// before it reads a figure another grain keeps). A silo service; grains register while they are active.
/// </summary>
public sealed class PendingEffects
{
    private readonly ConcurrentDictionary<GrainId, Func<IReadOnlyList<PendingEffect>>> _grains = new();

    public int Count => CountOf(_ => true);

    /// <summary>Those of one kind (a test host without a mail sender waits for all but <c>SendMail</c>).</summary>
    public int CountOf(Func<IEffect, bool> which) => _grains.Values.Sum(pending => pending().Count(p => which(p.Effect)));

    internal void Track(GrainId grain, Func<IReadOnlyList<PendingEffect>> pending) => _grains[grain] = pending;

    internal void Untrack(GrainId grain) => _grains.TryRemove(grain, out _);

    /// <summary>Completes once nothing is left to deliver on this silo.</summary>
    public async Task WhenDeliveredAsync(TimeSpan timeout, Func<IEffect, bool>? which = null)
    {
        which ??= _ => true;
        var deadline = DateTime.UtcNow + timeout;
        while (CountOf(which) > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{CountOf(which)} effects still undelivered after {timeout}.");
            await Task.Delay(10);
        }
    }
}
