using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>The list of colloques (key "all"), for the organiser's pages.</summary>
[Alias("colloque-index")]
public interface IColloqueIndexGrain : IGrainWithStringKey
{
    Task AddAsync(ColloqueSummary colloque);

    Task<IReadOnlyList<ColloqueSummary>> ListAsync();
}

[GenerateSerializer, Immutable]
public sealed record ColloqueSummary(Guid Id, string Title, DateOnly Date, string Venue);

[GenerateSerializer]
public sealed class ColloqueIndexState
{
    [Id(0)] public List<ColloqueSummary> Colloques { get; set; } = [];
}

[GrainType("colloque-index")]
public sealed class ColloqueIndexGrain(
    [PersistentState("colloque-index", StorageNames.Grains)] IPersistentState<ColloqueIndexState> state, TimeProvider clock)
    : DurableGrain<ColloqueIndexState>(state, clock), IColloqueIndexGrain
{
    public async Task AddAsync(ColloqueSummary colloque)
    {
        if (State.Colloques.Exists(c => c.Id == colloque.Id)) return;
        State.Colloques.Add(colloque);
        await WriteStateAsync();
    }

    public Task<IReadOnlyList<ColloqueSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ColloqueSummary>>(State.Colloques.OrderByDescending(c => c.Date).ToList());
}
