namespace Collaboration.Web.Reports;

/// <summary>
/// One line of the list behind a figure: what it is, when, which MRC it counts for, and where to see it.
/// <see cref="Detail"/> is French; <see cref="DetailEn"/> its English when the detail has words (else the same).
/// </summary>
public sealed record ReportRow(string Id, string Title, DateTimeOffset? At, string Detail, string Mrc, string? Link, string? DetailEn = null);
