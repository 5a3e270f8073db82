using Collaboration.Grains.Colloque;
using Collaboration.Grains.Partners;

namespace Collaboration.Web.Partners;

/// <summary>
/// Finds the partner organisation a free-text organisation name means (a table member's, an
/// employer's, a colloque attendee's): its name or one of its other names, accents, case and
/// punctuation aside. Built once per use from the directory.
/// </summary>
public sealed class OrganisationNameIndex
{
    private readonly Dictionary<string, PartnerDirectoryEntry> _byName = [];

    public OrganisationNameIndex(IReadOnlyList<PartnerDirectoryEntry> organisations)
    {
        Organisations = organisations;
        foreach (var o in organisations)
        foreach (var name in o.Profile.Aliases.Prepend(o.Profile.Name))
            _byName.TryAdd(NameFolding.Fold(name), o);
    }

    public IReadOnlyList<PartnerDirectoryEntry> Organisations { get; }

    public PartnerDirectoryEntry? Find(string? typed) =>
        _byName.TryGetValue(NameFolding.Fold(typed), out var organisation) ? organisation : null;

    public bool Means(string? typed, Guid organisationId) => Find(typed)?.Id == organisationId;
}
