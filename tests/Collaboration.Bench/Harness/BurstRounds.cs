namespace Collaboration.Bench.Harness;

/// <summary>
/// How a paired burst scenario on node processes runs: <paramref name="WarmUps"/> rounds unread, then
/// <paramref name="Measured"/> rounds whose median is reported. A node keeps getting cheaper over its first bursts
/// (tier-1 code, pools, caches), and a round's CPU swings with PostgreSQL's checkpoints, so one warm-up round and three
/// measured ones left the figure to chance.
/// </summary>
internal sealed record BurstRounds(int WarmUps, int Measured)
{
    public static BurstRounds For(BenchContext context) => context.Quick ? new(1, 1) : new(2, 5);

    /// <summary>The variants in the order round <paramref name="round"/> runs them: taking turns going first, so none always follows another's background work.</summary>
    public static IEnumerable<T> InTurn<T>(IReadOnlyList<T> variants, int round) => round % 2 == 0 ? variants : variants.Reverse();
}
