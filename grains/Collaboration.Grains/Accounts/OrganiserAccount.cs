
namespace Collaboration.Grains.Accounts;

[GenerateSerializer, Immutable]
public sealed record OrganiserAccount(string Email, string DisplayName, string PasswordHash, DateTimeOffset CreatedAt);
