namespace Collaboration.Grains.Partners;

/// <summary>The six MRCs of Lanaudière, or outside the region. Sent as kebab-case strings ("les-moulins").</summary>
public enum Mrc { DAutray, Joliette, LAssomption, Matawinie, Montcalm, LesMoulins, OutsideRegion }
