using Collaboration.Grains.Colloque;
using Collaboration.Grains.Partners;

namespace Collaboration.Web.Partners;

/// <summary>
/// The pairs of organisations an organiser should look at before merging: the same name once folded (accents, case,
/// punctuation) in the same MRC, the same contact email domain, or the same website (host without "www.", and path).
/// A domain shared by more than <see cref="MaxSharing"/> organisations (a webmail, a shared host) says nothing.
/// </summary>
public static class DuplicateFinder
{
    public const int MaxSharing = 3;

    private static readonly HashSet<string> SharedMailDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "hotmail.com", "hotmail.ca", "outlook.com", "live.com", "live.ca", "yahoo.com", "yahoo.ca", "icloud.com",
        "videotron.ca", "videotron.qc.ca", "bell.net", "sympatico.ca", "cgocable.ca", "globetrotter.net", "protonmail.com",
    };

    public static IReadOnlyList<LikelyDuplicates> Find(IEnumerable<PartnerDirectoryEntry> entries)
    {
        var list = entries.Where(e => e.MergedInto is null).ToList();
        var reasons = new Dictionary<(Guid, Guid), SortedSet<string>>();
        void Pairs(string reason, Func<PartnerDirectoryEntry, string?> key)
        {
            foreach (var group in list.Select(e => (Entry: e, Key: key(e))).Where(p => !string.IsNullOrEmpty(p.Key)).GroupBy(p => p.Key))
            {
                var members = group.Select(p => p.Entry).OrderBy(e => e.Id).ToList();
                if (members.Count < 2 || (reason != "name" && members.Count > MaxSharing)) continue;
                for (var i = 0; i < members.Count; i++)
                    for (var j = i + 1; j < members.Count; j++)
                    {
                        var pair = (members[i].Id, members[j].Id);
                        if (!reasons.TryGetValue(pair, out var why)) reasons[pair] = why = new(StringComparer.Ordinal);
                        why.Add(reason);
                    }
            }
        }
        Pairs("name", e => $"{e.Profile.Mrc}|{NameFolding.Fold(e.Profile.Name)}");
        Pairs("email", e => MailDomain(e.Profile.ContactEmail));
        Pairs("website", e => Site(e.Profile.Website));
        var byId = list.ToDictionary(e => e.Id);
        return [.. reasons.Select(p => new LikelyDuplicates(PartnerRecord.From(byId[p.Key.Item1]), PartnerRecord.From(byId[p.Key.Item2]), [.. p.Value]))
            .OrderBy(d => d.First.Fields.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    private static string? MailDomain(string email)
    {
        var at = email.LastIndexOf('@');
        if (at < 0) return null;
        var domain = email[(at + 1)..].Trim().ToLowerInvariant();
        return SharedMailDomains.Contains(domain) ? null : domain;
    }

    private static string? Site(string website) =>
        Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri)
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host).ToLowerInvariant() + uri.AbsolutePath.TrimEnd('/').ToLowerInvariant()
            : null;
}
