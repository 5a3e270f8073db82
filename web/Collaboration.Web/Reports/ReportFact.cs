namespace Collaboration.Web.Reports;

/// <summary>
/// One thing a figure counts, for one MRC (a meeting with members of two MRCs is two facts of the
/// same <see cref="ReportRow.Id"/>: it counts once in each MRC and once in the total).
/// </summary>
/// <para><see cref="Value"/>: what a mean figure averages (a rating).</para>
public sealed record ReportFact(string Figure, ReportRow Row, double? Value = null);
