namespace Collaboration.Grains.Colloque;

public enum CheckInResult { CheckedIn, AlreadyCheckedIn, Unknown, Cancelled, /** Self-registered and on the waitlist: no place yet. */ Waitlisted }
