
namespace Collaboration.Grains.Accounts;

/// <summary>An organiser's password account, keyed by the normalised (trimmed, lower-case) email.</summary>
[Alias("organiser-account")]
public interface IOrganiserAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account unless it exists; the password arrives already hashed.</summary>
    Task<AccountCreation> CreateAsync(string displayName, string passwordHash);

    /// <summary>The account, or null when there is none under this email.</summary>
    Task<OrganiserAccount?> GetAsync();

    Task ChangePasswordHashAsync(string passwordHash);
}
