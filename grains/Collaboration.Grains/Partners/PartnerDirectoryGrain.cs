using System.Globalization;
using Collaboration.Grains.Live;
using Collaboration.Grains.Partners.Events;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Partners;

/// <summary>
/// The directory keeps every organisation in memory with its folded search words, so a search over
/// a few thousand organisations is a scan of short strings (no I/O); it writes only when an
/// organisation changes. <c>[Reentrant]</c>: each method decides and changes the state before its
/// only await (the write), so changes arriving together share one write (group commit, as the
/// workshop session does) — an import of many organisations does not rewrite the directory for each.
/// It feeds the public topic "partners:default" (<see cref="PartnerDirectoryChanged"/>), so the directory's pages follow.
/// </summary>
[GrainType("partner-directory"), Reentrant]
public sealed class PartnerDirectoryGrain(
    [PersistentState("partner-directory", StorageNames.Grains)] IPersistentState<PartnerDirectoryState> state, TimeProvider clock)
    : LiveGrain<PartnerDirectoryState>(state, clock), IPartnerDirectoryGrain
{
    public const string Key = "default";

    /// <summary>Entries sorted by name, with their search words; rebuilt when an entry changes.</summary>
    private (PartnerDirectoryEntry Entry, string Words)[]? _sorted;

    /// <summary>How many public organisations each MRC has; forgotten when an entry changes.</summary>
    private PartnerSearchResult? _publicCounts;

    public async Task<string> ReserveSlugAsync(Guid id, string wanted)
    {
        var slug = wanted;
        for (var n = 2; State.Slugs.TryGetValue(slug, out var owner) && owner != id; n++) slug = $"{wanted}-{n}";
        if (State.Slugs.TryGetValue(slug, out var existing) && existing == id) return slug;
        State.Slugs[slug] = id;
        await WriteStateAsync();
        return slug;
    }

    public async Task UpsertAsync(PartnerDirectoryEntry entry)
    {
        if (State.Entries.TryGetValue(entry.Id, out var known) && known.Version >= entry.Version) return;
        State.Entries[entry.Id] = entry;
        State.Slugs[entry.Slug] = entry.Id;
        _sorted = null;
        _publicCounts = null;
        RaiseEvent(new PartnerDirectoryChanged(entry.Id));
        await WriteStateAsync();
    }

    public Task<PartnerSearchResult> SearchAsync(PartnerQuery query)
    {
        // The front page's map asks for the counts alone, at every visit: kept until an entry changes.
        if (query is { Take: 0, Mrc: null, Language: null, IncludeNonPublic: false } && string.IsNullOrWhiteSpace(query.Text) && query.Services is null or { Count: 0 })
            return Task.FromResult(_publicCounts ??= Search(query));
        return Task.FromResult(Search(query));
    }

    private PartnerSearchResult Search(PartnerQuery query)
    {
        var terms = PartnerSearchText.Terms(query.Text);
        var services = query.Services ?? [];
        var byMrc = Enum.GetValues<Mrc>().ToDictionary(m => m, _ => 0);
        var matches = new List<PartnerDirectoryEntry>();
        foreach (var (entry, words) in Sorted())
        {
            var p = entry.Profile;
            if (!p.IsPublic && !query.IncludeNonPublic) continue;
            if (query.Language is { } language && !p.Languages.Contains(language)) continue;
            if (!services.All(p.Services.Contains)) continue;
            if (!terms.All(t => words.Contains(t, StringComparison.Ordinal))) continue;
            byMrc[p.Mrc]++;
            if (query.Mrc is { } mrc && p.Mrc != mrc) continue;
            matches.Add(entry);
        }
        var page = matches.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 0, 500)).ToList();
        return new PartnerSearchResult(matches.Count, page, byMrc);
    }

    /// <summary>A merged organisation's slug leads to the organisation it was merged into (its old links keep working).</summary>
    public Task<PartnerDirectoryEntry?> FindBySlugAsync(string slug)
    {
        if (!State.Slugs.TryGetValue(slug, out var id) || !State.Entries.TryGetValue(id, out var entry)) return Task.FromResult<PartnerDirectoryEntry?>(null);
        for (var hops = 0; entry.MergedInto is { } survivor && hops < 10; hops++)
            if (!State.Entries.TryGetValue(survivor, out entry!)) return Task.FromResult<PartnerDirectoryEntry?>(null);
        return Task.FromResult<PartnerDirectoryEntry?>(entry.MergedInto is null ? entry : null);
    }

    public Task<IReadOnlyList<PartnerDirectoryEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<PartnerDirectoryEntry>>([.. Sorted().Select(s => s.Entry)]);

    private (PartnerDirectoryEntry Entry, string Words)[] Sorted() =>
        _sorted ??= [.. State.Entries.Values
            .Where(e => e.MergedInto is null) // a merged organisation is kept for its slug and version, never listed
            .OrderBy(e => e.Profile.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-CA"), CompareOptions.IgnoreCase))
            .Select(e => (e, PartnerSearchText.For(e.Profile)))];
}
