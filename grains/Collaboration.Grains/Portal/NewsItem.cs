namespace Collaboration.Grains.Portal;

/// <summary>A news item of the portal, addressed by its slug, shown from <see cref="PublishedOn"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record NewsItem(Guid Id, string Slug, PortalText Text, DateOnly PublishedOn, DateTimeOffset UpdatedAt, long Version);
