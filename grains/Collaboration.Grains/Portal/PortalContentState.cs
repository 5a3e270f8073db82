namespace Collaboration.Grains.Portal;

[GenerateSerializer]
public sealed class PortalContentState
{
    [Id(0)] public PortalText? About { get; set; }
    [Id(1)] public long AboutVersion { get; set; }
    [Id(2)] public List<NewsItem> News { get; set; } = [];
}
