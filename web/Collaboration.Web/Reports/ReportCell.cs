namespace Collaboration.Web.Reports;

/// <summary>A figure's value in one column; for a rate, the value is a percentage of <see cref="Of"/>.</summary>
/// <para>A mean (<see cref="Mean"/>): the value is the average of <see cref="Count"/> ratings out of 5.</para>
/// <para>
/// <see cref="Withheld"/>: too few answers to be shown in this column (<see cref="SmallGroups"/>); no value, count or list,
/// the answers count in the figure's "Autres MRC" cell.
/// </para>
public sealed record ReportCell(double Value, int Count, int? Of, string ListUrl, bool Mean = false, bool Withheld = false);
