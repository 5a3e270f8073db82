namespace Collaboration.Grains.Portal;

/// <summary>What the organiser writes for the public portal (key "default"): the about page and the news. Edits carry the version seen.</summary>
[Alias("portal-content")]
public interface IPortalContentGrain : IGrainWithStringKey
{
    Task<PortalContentView> GetAsync();

    Task<PortalContentOutcome> SetAboutAsync(PortalText text, long expectedVersion);

    /// <summary>Creates (<paramref name="expectedVersion"/> 0) or replaces a news item.</summary>
    Task<PortalContentOutcome> SaveNewsAsync(Guid id, string slug, PortalText text, DateOnly publishedOn, long expectedVersion);

    Task<PortalContentOutcome> DeleteNewsAsync(Guid id);
}
