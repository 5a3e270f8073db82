namespace Collaboration.Grains.Meetings;

/// <summary>Open: each member's choice is shown with their name. Secret: only totals are kept, never who voted what.</summary>
public enum MotionKind { Open, Secret }
