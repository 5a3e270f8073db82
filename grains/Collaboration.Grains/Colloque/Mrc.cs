namespace Collaboration.Grains.Colloque;

/// <summary>
/// The six MRCs (regional county municipalities) of Lanaudière, or outside the region. Sent as
/// camelCase strings ("dAutray", "lesMoulins", "outsideRegion"…).
/// </summary>
public enum Mrc { DAutray, Joliette, LAssomption, Matawinie, Montcalm, LesMoulins, OutsideRegion }
