using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Portal;

[GrainType("portal-content")]
public sealed class PortalContentGrain(
    [PersistentState("portal-content", StorageNames.Grains)] IPersistentState<PortalContentState> state, TimeProvider clock)
    : DurableGrain<PortalContentState>(state, clock), IPortalContentGrain
{
    public Task<PortalContentView> GetAsync() =>
        Task.FromResult(new PortalContentView(State.About, State.AboutVersion, [.. State.News.OrderByDescending(n => n.PublishedOn).ThenByDescending(n => n.UpdatedAt)]));

    public async Task<PortalContentOutcome> SetAboutAsync(PortalText text, long expectedVersion)
    {
        if (State.AboutVersion != expectedVersion) return PortalContentOutcome.Stale;
        if (!text.IsValid) return PortalContentOutcome.Invalid;
        State.About = text;
        State.AboutVersion++;
        await WriteStateAsync();
        return PortalContentOutcome.Done;
    }

    public async Task<PortalContentOutcome> SaveNewsAsync(Guid id, string slug, PortalText text, DateOnly publishedOn, long expectedVersion)
    {
        if (!text.IsValid || string.IsNullOrWhiteSpace(slug) || slug.Length > 120) return PortalContentOutcome.Invalid;
        var index = State.News.FindIndex(n => n.Id == id);
        if ((index < 0 ? 0 : State.News[index].Version) != expectedVersion) return index < 0 ? PortalContentOutcome.NotFound : PortalContentOutcome.Stale;
        if (State.News.Any(n => n.Slug == slug && n.Id != id)) return PortalContentOutcome.SlugTaken;
        var item = new NewsItem(id, slug, text, publishedOn, Now, expectedVersion + 1);
        if (index < 0) State.News.Add(item); else State.News[index] = item;
        await WriteStateAsync();
        return PortalContentOutcome.Done;
    }

    public async Task<PortalContentOutcome> DeleteNewsAsync(Guid id)
    {
        if (State.News.RemoveAll(n => n.Id == id) == 0) return PortalContentOutcome.NotFound;
        await WriteStateAsync();
        return PortalContentOutcome.Done;
    }
}
