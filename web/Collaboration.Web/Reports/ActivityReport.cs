namespace Collaboration.Web.Reports;

/// <summary>The activity report over a period: one row per figure, one column per MRC (and "non-precisee": no linked organisation).</summary>
public sealed record ActivityReport(DateOnly From, DateOnly To, DateTimeOffset ComputedAt, IReadOnlyList<string> Mrcs, IReadOnlyList<ReportFigure> Figures);
