using Collaboration.Web.Reports;

namespace Collaboration.Web.Tests.Reports;

/// <summary>
/// The minimum group size of the evaluation answers in the report's MRC columns (<see cref="SmallGroups"/>): small MRCs are
/// merged into "Autres MRC", and the merged group, when still too small, takes the smallest shown MRC with it.
/// </summary>
public sealed class SmallGroupsTests
{
    private const string Figure = ReportFigures.EvaluationSatisfaction;

    [Fact]
    public void Merge_KeepsEveryMrc_WhenEachHasTheMinimum()
    {
        var facts = Answers(("joliette", 5), ("matawinie", 6));

        var (merged, withheld) = SmallGroups.Merge(facts, Figure, minimum: 5);

        Assert.Empty(withheld);
        Assert.Equal(facts, merged);
    }

    [Fact]
    public void Merge_MovesSmallMrcsToOthers_WhenTogetherTheyReachTheMinimum()
    {
        // Arrange: Joliette 6 answers, Matawinie 3, Montcalm 2; other figures' facts in those MRCs too.
        var facts = Answers(("joliette", 6), ("matawinie", 3), ("montcalm", 2)).Append(Invited("matawinie")).ToList();

        var (merged, withheld) = SmallGroups.Merge(facts, Figure, minimum: 5);

        Assert.Equal(["matawinie", "montcalm"], withheld.Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, int> { ["joliette"] = 6, [SmallGroups.Others] = 5 }, CountByMrc(merged));
        Assert.Contains(merged, f => f.Figure == ReportFigures.EvaluationsInvited && f.Row.Mrc == "matawinie"); // only the answers move
        Assert.Equal(facts.Sum(f => f.Value ?? 0), merged.Sum(f => f.Value ?? 0)); // the total is the same
    }

    [Fact]
    public void Merge_TakesTheSmallestShownMrcIntoOthers_WhenOthersWouldStillBeTooSmall()
    {
        // Arrange: Matawinie's 2 answers alone would be the total minus the shown columns: Joliette (6) and Les Moulins (7).
        var facts = Answers(("joliette", 6), ("les-moulins", 7), ("matawinie", 2));

        var (merged, withheld) = SmallGroups.Merge(facts, Figure, minimum: 5);

        Assert.Equal(["joliette", "matawinie"], withheld.Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, int> { ["les-moulins"] = 7, [SmallGroups.Others] = 8 }, CountByMrc(merged));
    }

    [Fact]
    public void Merge_WithholdsEveryMrc_WhenAllTheAnswersAreFewerThanTheMinimum()
    {
        var facts = Answers(("joliette", 3), ("matawinie", 1));

        var (merged, withheld) = SmallGroups.Merge(facts, Figure, minimum: 5);

        Assert.Equal(["joliette", "matawinie"], withheld.Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, int> { [SmallGroups.Others] = 4 }, CountByMrc(merged)); // fewer than 5: the report shows no mean for it
    }

    private static List<ReportFact> Answers(params (string Mrc, int Count)[] groups) =>
    [
        .. groups.SelectMany(g => Enumerable.Range(0, g.Count).Select(i => new ReportFact(Figure,
            new ReportRow($"workshop:{g.Mrc}:answer-{i}", "Accueillir en région", DateTimeOffset.UnixEpoch, $"{1 + i % 5}/5", g.Mrc, null), 1 + i % 5))),
    ];

    private static ReportFact Invited(string mrc) =>
        new(ReportFigures.EvaluationsInvited, new ReportRow($"workshop:{mrc}:invited", "Accueillir en région", DateTimeOffset.UnixEpoch, "répondu", mrc, null));

    private static Dictionary<string, int> CountByMrc(IReadOnlyList<ReportFact> facts) =>
        facts.Where(f => f.Figure == Figure).GroupBy(f => f.Row.Mrc).ToDictionary(g => g.Key, g => g.Count());
}
