namespace Collaboration.Web.Reports;

/// <summary>A figure's value in one column; for a rate, the value is a percentage of <see cref="Of"/>.</summary>
public sealed record ReportCell(double Value, int Count, int? Of, string ListUrl);
