using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Workshops;

/// <summary>The list of workshop session ids (key "all"): what the public catalogue walks.</summary>
[Alias("workshop-catalog")]
public interface IWorkshopCatalogGrain : IGrainWithStringKey
{
    Task AddAsync(Guid sessionId);

    Task<IReadOnlyList<Guid>> ListAsync();
}

[GenerateSerializer]
public sealed class WorkshopCatalogState
{
    [Id(0)] public List<Guid> Sessions { get; set; } = [];
}

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
