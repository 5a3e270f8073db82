using Collaboration.Grains.Colloque;
using Collaboration.Grains.Partners;
using Collaboration.Grains.Tables;

namespace Collaboration.Web.Partners;

/// <summary>
/// Links table members to partner organisations from the organisation name each member was added
/// with (free text, before organisations existed): a member is linked when that name, accents,
/// case and punctuation aside, is an organisation's name or one of its other names. Members already
/// linked are left alone, so running it again links only what is new; the report lists the members
/// it could not match, with the organisations that share the most words as suggestions.
/// </summary>
public sealed class MemberMatching(IGrainFactory grains, PartnersService partners)
{
    public async Task<MatchingReport> RunAsync(bool apply)
    {
        var names = new OrganisationNameIndex(await partners.Directory.ListAsync());

        var matched = new List<MatchedMember>();
        var unmatched = new List<UnmatchedMember>();
        var alreadyLinked = 0;
        foreach (var entry in await grains.GetGrain<ITableDirectoryGrain>("default").ListAsync())
        {
            var table = await grains.GetGrain<ITableGrain>(entry.Id).GetAsync();
            foreach (var member in table?.Members ?? [])
            {
                if (member.OrganisationId is not null) { alreadyLinked++; continue; }
                if (names.Find(member.Organisation) is { } organisation)
                {
                    if (apply) await grains.GetGrain<ITableGrain>(entry.Id).LinkOrganisationAsync(member.Id, organisation.Id);
                    matched.Add(new(entry.Id, entry.Name, member.Id, member.Name, member.Organisation, organisation.Id, organisation.Profile.Name));
                }
                else
                {
                    unmatched.Add(new(entry.Id, entry.Name, member.Id, member.Name, member.Organisation, Suggest(member.Organisation, names.Organisations)));
                }
            }
        }
        return new MatchingReport(apply, matched.Count, alreadyLinked, matched, unmatched);
    }

    private static IReadOnlyList<OrganisationSuggestion> Suggest(string typed, IReadOnlyList<PartnerDirectoryEntry> organisations)
    {
        var words = Significant(typed);
        if (words.Count == 0) return [];
        return [.. organisations
            .Select(o => (o, Shared: Significant(string.Join(' ', o.Profile.Aliases.Prepend(o.Profile.Name))).Intersect(words).Count()))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenBy(x => x.o.Profile.Name, StringComparer.OrdinalIgnoreCase)
            .Take(3)
            .Select(x => new OrganisationSuggestion(x.o.Id, x.o.Profile.Name))];
    }

    /// <summary>Words that tell organisations apart (not "de", "la", "du"…).</summary>
    private static HashSet<string> Significant(string text) =>
        [.. NameFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4)];
}
