namespace Collaboration.Grains.Accounts;

/// <summary>Active first: accounts written before invitations existed read as active.</summary>
public enum OrganiserStatus { Active, Invited, Deactivated }
