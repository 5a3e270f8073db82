namespace Collaboration.Grains.Accounts;

[GenerateSerializer]
public sealed class OrganiserAccountState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public string PasswordHash { get; set; } = "";
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
}
