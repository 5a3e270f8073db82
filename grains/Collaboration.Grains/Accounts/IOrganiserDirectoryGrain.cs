
namespace Collaboration.Grains.Accounts;

/// <summary>
/// The list of organiser accounts (one grain, key <see cref="OrganiserDirectoryGrain.Key"/>). An
/// account joins it before its first write, and the listing asks each account, so an entry whose
/// write never happened is simply not shown.
/// </summary>
[Alias("organiser-directory")]
public interface IOrganiserDirectoryGrain : IGrainWithStringKey
{
    Task AddAsync(string email);

    /// <summary>Interleaved: it only reads, and an account adding itself while the list asks it must not wait on the list.</summary>
    [AlwaysInterleave, ReadOnly]
    Task<IReadOnlyList<OrganiserSummary>> ListAsync();
}
