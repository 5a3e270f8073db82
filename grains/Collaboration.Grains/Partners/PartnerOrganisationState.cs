using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Partners;

[GenerateSerializer]
public sealed class PartnerOrganisationState : IEffectState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Slug { get; set; } = "";
    [Id(2)] public PartnerProfile? Profile { get; set; }
    [Id(3)] public long Version { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(6)] public EffectOutbox Effects { get; set; } = new();
    /// <summary>Set once this organisation was merged into another (the survivor): it is no longer listed, and its references point there.</summary>
    [Id(7)] public Guid? MergedInto { get; set; }
    /// <summary>The duplicates merged into this one (a second delivery of the same merge changes nothing).</summary>
    [Id(8)] public List<Guid> Absorbed { get; set; } = [];
}
