using Collaboration.Grains.Runtime;

namespace Collaboration.Grains.Colloque;

/// <summary>The list of colloques (key "all"), for the organiser's pages.</summary>
[GrainType("colloque-index")]
public interface IColloqueIndexGrain : IGrainWithStringKey
{
    Task AddAsync(ColloqueSummary colloque);

    Task<IReadOnlyList<ColloqueSummary>> ListAsync();
}

public sealed record ColloqueSummary(Guid Id, string Title, DateOnly Date, string Venue);

public sealed class ColloqueIndexState
{
    public List<ColloqueSummary> Colloques { get; set; } = [];
}

public sealed class ColloqueIndexGrain : Grain<ColloqueIndexState>, IColloqueIndexGrain
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
