namespace Collaboration.Grains.Meetings;

/// <summary>The procès-verbal: a draft once the meeting closes, circulated to the members, adopted at a later meeting (then locked).</summary>
public enum MinutesStatus { Draft, Circulated, Adopted }
