namespace Collaboration.Grains.Colloque;

/// <summary>An attendee's place in the colloque.</summary>
public enum PlaceStatus { Confirmed, Waitlisted, Cancelled }
