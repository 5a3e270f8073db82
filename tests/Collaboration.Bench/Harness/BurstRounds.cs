namespace Collaboration.Bench.Harness;

/// <summary>
/// How a burst scenario runs (on node processes, or on the node the bench hosts): <paramref name="WarmUps"/> rounds unread, then
/// <paramref name="Measured"/> rounds whose median is reported. A node keeps getting cheaper over its first bursts
/// (tier-1 code, pools, caches), and a round's CPU swings with PostgreSQL's checkpoints, so one warm-up round and three
/// measured ones left the figure to chance.
/// </summary>
/// <param name="MostWarmUps">The warm-up rounds <see cref="WarmUpAsync"/> may run while the nodes still compile.</param>
internal sealed record BurstRounds(int WarmUps, int Measured, int MostWarmUps)
{
    public static BurstRounds For(BenchContext context) => context.Quick ? new(1, 1, 1) : new(2, 5, 8);

    /// <summary>
    /// The warm-up: <see cref="WarmUps"/> rounds, then more (up to <see cref="MostWarmUps"/>) while the last one still had
    /// the nodes compile more than <see cref="NodeJit.SettledRoundMethods"/> methods each. A method is promoted to optimised
    /// code after its 30th call, so the code a burst makes hot gets there over several bursts, and more slowly when two
    /// nodes share the calls (each compiles its own); a node in service did it long ago. Waiting while the nodes are idle
    /// does not do it: nothing is called then.
    /// </summary>
    /// <returns>These rounds with the warm-up rounds run, and what the last one compiled.</returns>
    public Task<(BurstRounds Rounds, NodeJit.Compiled LastRound)> WarmUpAsync(IReadOnlyCollection<NodeProcess> nodes, Func<Task> round) =>
        WarmUpAsync(nodes.Count, () => NodeJit.SoFarAsync(nodes), round);

    /// <summary>As above, for <paramref name="nodes"/> whose JIT <paramref name="compiledSoFar"/> reads (the bench's own process, for a node it hosts).</summary>
    public async Task<(BurstRounds Rounds, NodeJit.Compiled LastRound)> WarmUpAsync(int nodes, Func<Task<NodeJit.Compiled>> compiledSoFar, Func<Task> round)
    {
        var done = 0;
        NodeJit.Compiled last;
        do
        {
            Console.WriteLine($"  warm-up round {done + 1} (at least {WarmUps}, at most {MostWarmUps})");
            var before = await compiledSoFar();
            await round();
            last = await compiledSoFar() - before;
            done++;
            Console.WriteLine($"    the nodes compiled {last}");
        }
        while (done < MostWarmUps && (done < WarmUps || last.Methods > NodeJit.SettledRoundMethods * nodes));
        return (this with { WarmUps = done }, last);
    }

    /// <summary>How the warm-up ended, for a report: <see cref="WarmUps"/> as <see cref="WarmUpAsync(int, Func{Task{NodeJit.Compiled}}, Func{Task})"/> left it.</summary>
    public string WarmUpDescription(NodeJit.Compiled lastRound) =>
        $"{WarmUps} warm-up round(s), run until one had the nodes compile at most {NodeJit.SettledRoundMethods} methods each, or {MostWarmUps} rounds; the last compiled {lastRound}";

    /// <summary>The variants in the order round <paramref name="round"/> runs them: taking turns going first, so none always follows another's background work.</summary>
    public static IEnumerable<T> InTurn<T>(IReadOnlyList<T> variants, int round) => round % 2 == 0 ? variants : variants.Reverse();
}
