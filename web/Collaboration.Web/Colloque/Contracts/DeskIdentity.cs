namespace Collaboration.Web.Colloque;

/// <summary>What this device operates as. Paired false: show the pairing form (Organiser: an organiser, who may open a colloque's "Organisation" desk).</summary>
public sealed record DeskIdentity(Guid ColloqueId, string DeskId, string DeskName, string Title, bool Paired = true, bool Organiser = false);
