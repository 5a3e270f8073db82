namespace Collaboration.Grains.Accounts;

public sealed class OrganiserAccountState
{
    public bool Exists { get; set; }
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
