namespace Collaboration.Web.Reports;

/// <summary>The report's settings (<c>Reports:</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// The fewest evaluation answers an MRC's column may show on its own (<c>Reports:MinimumGroupSize</c>, 5 by default): a
    /// smaller group is merged into "Autres MRC", so nobody's rating can be told from their MRC. A deployment setting, not
    /// an organiser's: the organisers are who the answers are anonymous to.
    /// </summary>
    public int MinimumGroupSize { get; set; } = 5;
}
