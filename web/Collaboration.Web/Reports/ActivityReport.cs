namespace Collaboration.Web.Reports;

/// <summary>
/// The activity report over a period: one row per figure, one column per MRC (and "non-precisee": no linked organisation).
/// <see cref="MinimumGroupSize"/>: the fewest evaluation answers an MRC column shows on its own.
/// </summary>
public sealed record ActivityReport(DateOnly From, DateOnly To, DateTimeOffset ComputedAt, IReadOnlyList<string> Mrcs, IReadOnlyList<ReportFigure> Figures,
    int MinimumGroupSize);
