namespace Collaboration.Grains.Meetings;

/// <summary>Where the chair stands on a comment or a correction (persisted: append only).</summary>
public enum MinutesCommentStatus { Open, Accepted, Declined }
