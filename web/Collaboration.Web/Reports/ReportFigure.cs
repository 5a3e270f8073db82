namespace Collaboration.Web.Reports;

public sealed record ReportFigure(string Key, string LabelFr, string LabelEn, bool IsRate, ReportCell Total, IReadOnlyDictionary<string, ReportCell> ByMrc);
