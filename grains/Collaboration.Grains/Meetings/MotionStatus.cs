namespace Collaboration.Grains.Meetings;

/// <summary>A motion is open for votes, then adopted, rejected, closed without quorum, or withdrawn by the chair.</summary>
public enum MotionStatus { Open, Adopted, Rejected, NoQuorum, Withdrawn }
