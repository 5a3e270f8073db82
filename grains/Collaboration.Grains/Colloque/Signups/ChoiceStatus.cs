namespace Collaboration.Grains.Colloque;

/// <summary>
/// A breakout choice: a seat, a place on that atelier's waitlist, or (while the attendee is still
/// on the colloque's waitlist) pending — it takes a seat or a waitlist place once they are confirmed.
/// </summary>
public enum ChoiceStatus { Confirmed, Waitlisted, Pending }
