namespace Collaboration.Web.Reports;

/// <summary>
/// Anonymity of the evaluation answers in the report's MRC columns: an MRC with fewer answers than the minimum is not shown
/// on its own; its answers count in "Autres MRC" (<see cref="Others"/>). When that pooled group is still too small, the
/// smallest shown MRC joins it (else the total minus the shown columns would tell it), until it is large enough or holds
/// every answer; a group still too small then shows no figure at all.
/// </summary>
public static class SmallGroups
{
    /// <summary>The column of the merged MRCs: "Autres MRC / Other MRCs".</summary>
    public const string Others = "autres-mrc";

    /// <summary>The facts with the answers of the withheld MRCs moved to <see cref="Others"/>, and which MRCs were withheld.</summary>
    public static (IReadOnlyList<ReportFact> Facts, IReadOnlySet<string> Withheld) Merge(IReadOnlyList<ReportFact> all, string figure, int minimum)
    {
        var counts = all.Where(f => f.Figure == figure).DistinctBy(f => f.Row.Id).GroupBy(f => f.Row.Mrc)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var withheld = counts.Where(c => c.Value < minimum).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var pooled = withheld.Sum(m => counts[m]);
        while (pooled > 0 && pooled < minimum &&
               counts.Keys.Where(m => !withheld.Contains(m)).OrderBy(m => counts[m]).ThenBy(m => m, StringComparer.Ordinal).FirstOrDefault() is { } smallest)
        {
            withheld.Add(smallest);
            pooled += counts[smallest];
        }
        if (withheld.Count == 0) return (all, withheld);
        return ([.. all.Select(f => f.Figure == figure && withheld.Contains(f.Row.Mrc) ? f with { Row = f.Row with { Mrc = Others } } : f)], withheld);
    }
}
