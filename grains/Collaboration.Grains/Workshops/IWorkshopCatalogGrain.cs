using Collaboration.Grains.Runtime;

namespace Collaboration.Grains.Workshops;

/// <summary>The list of workshop session ids (key "all"): what the public catalogue walks.</summary>
[GrainType("workshop-catalog")]
public interface IWorkshopCatalogGrain : IGrainWithStringKey
{
    Task AddAsync(Guid sessionId);

    Task<IReadOnlyList<Guid>> ListAsync();
}

public sealed class WorkshopCatalogState
{
    public List<Guid> Sessions { get; set; } = [];
}

public sealed class WorkshopCatalogGrain : Grain<WorkshopCatalogState>, IWorkshopCatalogGrain
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
