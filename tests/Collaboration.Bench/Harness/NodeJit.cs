using System.Diagnostics;

namespace Collaboration.Bench.Harness;

/// <summary>
/// The JIT of node processes, from their own <c>/metrics</c> (<see cref="NodeProcess.JitSoFarAsync"/>). A node promotes the
/// code a burst made hot to optimised code on a background thread, after the burst has called it 30 times; under a burst
/// that queue grows faster than the thread drains it, so the next bursts pay for the last one's compiling (a third of a
/// node's CPU samples in the first measured round after two warm-up rounds, 2026-12-07). A node in service did that long
/// ago: a scenario warms up until a round leaves little to compile (<see cref="BurstRounds.WarmUpAsync"/>), waits until the
/// nodes' JIT is quiet, then reports what it still compiled during the measured rounds.
/// </summary>
internal static class NodeJit
{
    /// <summary>Quiet: at most this many methods compiled per node in a second (timers keep reaching their 30th call now and then).</summary>
    private const int QuietMethodsPerSecond = 5;

    /// <summary>A warm-up round after which a node counts as warm: it compiled at most this many methods (<see cref="BurstRounds.WarmUpAsync"/>).</summary>
    public const int SettledRoundMethods = 50;

    /// <summary>The longest a scenario waits (a node still compiling after that is reported as such).</summary>
    public static readonly TimeSpan LongestSettling = TimeSpan.FromSeconds(90);

    /// <summary>What the nodes' JIT has compiled so far, together; the difference of two readings is what it compiled in between.</summary>
    public static async Task<Compiled> SoFarAsync(IEnumerable<NodeProcess> nodes)
    {
        var each = await Task.WhenAll(nodes.Select(n => n.JitSoFarAsync()));
        return new Compiled(each.Sum(j => j.Methods), each.Sum(j => j.Seconds));
    }

    /// <summary>What this process's JIT has compiled so far (for a node the bench hosts in its own process).</summary>
    public static Compiled ThisProcess() =>
        new(System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalSeconds);

    /// <summary>Waits until the nodes compile no more than <see cref="QuietMethodsPerSecond"/> methods a second each, at most <paramref name="longest"/>.</summary>
    /// <returns>What they compiled meanwhile, and how long it took.</returns>
    public static async Task<Settling> SettleAsync(IReadOnlyCollection<NodeProcess> nodes, TimeSpan longest)
    {
        var started = Stopwatch.GetTimestamp();
        var first = await SoFarAsync(nodes);
        var last = first;
        while (Stopwatch.GetElapsedTime(started) < longest)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await SoFarAsync(nodes);
            var quiet = now.Methods - last.Methods <= QuietMethodsPerSecond * nodes.Count;
            last = now;
            if (quiet) break;
        }
        return new Settling(last - first, Stopwatch.GetElapsedTime(started));
    }

    /// <param name="Methods">Methods compiled.</param>
    /// <param name="Seconds">Seconds the JIT spent on them (the runtime's count).</param>
    public readonly record struct Compiled(long Methods, double Seconds)
    {
        public static Compiled operator -(Compiled after, Compiled before) => new(after.Methods - before.Methods, after.Seconds - before.Seconds);

        public override string ToString() => $"{Methods:N0} methods ({Seconds:0.0} s of JIT)";
    }

    /// <param name="Meanwhile">What the nodes compiled while the scenario waited.</param>
    /// <param name="Waited">How long the scenario waited.</param>
    public sealed record Settling(Compiled Meanwhile, TimeSpan Waited)
    {
        public override string ToString() =>
            $"waited {Waited.TotalSeconds:0} s for the nodes' JIT to finish what the warm-up made hot: {Meanwhile}";
    }
}
