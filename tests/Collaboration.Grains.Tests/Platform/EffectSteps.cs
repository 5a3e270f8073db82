using System.Collections.Concurrent;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Tests.Platform;

/// <summary>Records every step of the after-commit path the silo's grains reach (the hook the kill tests die at).</summary>
public sealed class EffectSteps : ICrashPoints
{
    private readonly ConcurrentQueue<(CrashPoint Point, IEffect Effect)> _reached = new();

    public void Reached(CrashPoint point, IEffect effect) => _reached.Enqueue((point, effect));

    public IReadOnlyList<IEffect> At(CrashPoint point) => [.. _reached.Where(r => r.Point == point).Select(r => r.Effect)];
}
