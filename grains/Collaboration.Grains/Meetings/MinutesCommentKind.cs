namespace Collaboration.Grains.Meetings;

/// <summary>A remark on circulated minutes, or a proposed new text for an item's notes or a decision (persisted: append only).</summary>
public enum MinutesCommentKind { Comment, Correction }
