namespace Collaboration.Grains.Accounts;

/// <summary>What an organiser's change to a colleague's account did.</summary>
public enum OrganiserChange { Done, Unchanged, NotFound }
