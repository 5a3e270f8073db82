using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Workshops;

/// <summary>The list of workshop session ids (key "all"): what the public catalogue walks.</summary>
[Alias("workshop-catalog")]
public interface IWorkshopCatalogGrain : IGrainWithStringKey
{
    Task AddAsync(Guid sessionId);

    Task<IReadOnlyList<Guid>> ListAsync();
}
