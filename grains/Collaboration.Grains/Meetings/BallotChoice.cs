namespace Collaboration.Grains.Meetings;

/// <summary>Pour, contre, abstention.</summary>
public enum BallotChoice { For, Against, Abstain }
