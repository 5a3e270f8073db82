using Orleans.Runtime.Placement;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>Places a new activation on another silo than the one asking, so a request to one node is served by a grain on the other.</summary>
public sealed class OtherSiloPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var others = context.GetCompatibleSilos(target).Where(s => !s.Equals(context.LocalSilo)).ToArray();
        return Task.FromResult(others.Length > 0 ? others[0] : context.LocalSilo);
    }
}
