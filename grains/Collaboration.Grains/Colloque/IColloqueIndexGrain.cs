using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>The list of colloques (key "all"), for the organiser's pages.</summary>
[Alias("colloque-index")]
public interface IColloqueIndexGrain : IGrainWithStringKey
{
    Task AddAsync(ColloqueSummary colloque);

    Task<IReadOnlyList<ColloqueSummary>> ListAsync();
}
