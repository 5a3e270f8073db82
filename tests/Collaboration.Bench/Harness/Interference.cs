namespace Collaboration.Bench.Harness;

internal static class Interference
{
    /// <summary>One sentence on how much other work ran during the measured runs.</summary>
    public static string Describe(IEnumerable<Summary> summaries)
    {
        var shares = summaries.SelectMany(s => s.Runs).Select(r => r.OtherShare).ToList();
        if (shares.Count == 0) return "";
        var max = shares.Max();
        var median = Stats.Median(shares);
        var verdict = max < 0.05
            ? "the figures are undisturbed"
            : max < 0.20
                ? "some runs were slightly disturbed"
                : "**other work disturbed some runs: read the figures with care and re-run on a quiet machine**";
        return $"Other processes on the machine (neither this bench nor its PostgreSQL) used a median {Format.Percent(median)} " +
               $"and at most {Format.Percent(max)} of all cores during the measured runs (/proc/stat): {verdict}.";
    }
}
