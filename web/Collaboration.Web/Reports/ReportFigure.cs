namespace Collaboration.Web.Reports;

/// <summary>
/// One row of the report. <see cref="Others"/>: for the evaluation answers, the MRCs too small to be shown alone, merged
/// ("Autres MRC"; itself withheld when still too small); null when no column was withheld.
/// </summary>
public sealed record ReportFigure(string Key, string LabelFr, string LabelEn, bool IsRate, ReportCell Total, IReadOnlyDictionary<string, ReportCell> ByMrc,
    ReportCell? Others = null);
