namespace Collaboration.Grains.Accounts;

/// <summary>What a link from an email (invitation, password reset) did: one answer for unknown, used and expired links.</summary>
public enum AccountTokenOutcome { Done, Invalid }
