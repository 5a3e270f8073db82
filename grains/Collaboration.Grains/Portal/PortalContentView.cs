namespace Collaboration.Grains.Portal;

/// <summary>The "about the initiative" page (null until written) and every news item, newest first.</summary>
[GenerateSerializer, Immutable]
public sealed record PortalContentView(PortalText? About, long AboutVersion, IReadOnlyList<NewsItem> News);
