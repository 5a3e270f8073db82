namespace Collaboration.Grains.Partners;

/// <summary>Every partner organisation (key "default"): the search index, the slug register and the map's counts.</summary>
[Alias("partner-directory")]
public interface IPartnerDirectoryGrain : IGrainWithStringKey, Live.ILiveFeedGrain
{
    /// <summary>The slug for a new organisation: <paramref name="wanted"/>, or with "-2", "-3"… when another has it.</summary>
    Task<string> ReserveSlugAsync(Guid id, string wanted);

    /// <summary>Keeps the entry unless a newer version of it is already here.</summary>
    Task UpsertAsync(PartnerDirectoryEntry entry);

    Task<PartnerSearchResult> SearchAsync(PartnerQuery query);

    Task<PartnerDirectoryEntry?> FindBySlugAsync(string slug);

    Task<IReadOnlyList<PartnerDirectoryEntry>> ListAsync();
}
