using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Workshops;

[GrainType("workshop-catalog")]
public sealed class WorkshopCatalogGrain(
    [PersistentState("workshop-catalog", StorageNames.Grains)] IPersistentState<WorkshopCatalogState> state, TimeProvider clock)
    : DurableGrain<WorkshopCatalogState>(state, clock), IWorkshopCatalogGrain
{
    public const string Key = "all";

    public async Task AddAsync(Guid sessionId)
    {
        if (State.Sessions.Contains(sessionId)) return;
        State.Sessions.Add(sessionId);
        await WriteStateAsync();
    }

    public Task<IReadOnlyList<Guid>> ListAsync() => Task.FromResult<IReadOnlyList<Guid>>([.. State.Sessions]);
}
