namespace Collaboration.Grains.Regions;

/// <summary>
/// The six MRCs (regional county municipalities) of Lanaudière, or outside the region: the one MRC of the
/// directory, the colloque, the evaluations, the report and the map. On the wire as camelCase ("lesMoulins"); in
/// URLs and message keys as its <see cref="Mrcs.Code"/> ("les-moulins").
/// </summary>
/// <remarks>
/// Grain state stores it as its integer. It replaces <c>Mrc</c> and <c>Mrc</c>, which had these
/// same members in this same order (0 = DAutray … 6 = OutsideRegion), so states written with either read back as
/// the same MRC. Never reorder; add new members at the end.
/// </remarks>
public enum Mrc { DAutray, Joliette, LAssomption, Matawinie, Montcalm, LesMoulins, OutsideRegion }
