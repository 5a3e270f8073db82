namespace Collaboration.Grains.Colloque;

public enum CheckInResult { CheckedIn, AlreadyCheckedIn, Unknown, Cancelled }
