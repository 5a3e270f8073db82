namespace Collaboration.Grains.Partners;

/// <summary>
/// A page of matches, sorted by name, with <see cref="Total"/> matches in all and, for the map, how
/// many match in each MRC when the MRC filter is left out.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PartnerSearchResult(int Total, IReadOnlyList<PartnerDirectoryEntry> Items, IReadOnlyDictionary<Mrc, int> ByMrc);
