namespace Collaboration.Grains.Accounts;

/// <summary>Invited (or invited again, the earlier link dead), or refused: the account is already in use or deactivated.</summary>
public enum InvitationOutcome { Invited, AlreadyExists }
