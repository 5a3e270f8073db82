using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

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
