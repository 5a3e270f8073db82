namespace Collaboration.Web.Tests.Cluster;

/// <summary>A test's default placement: a new activation goes to a silo other than the caller's (see <see cref="OtherSiloPlacementDirector"/>).</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class OtherSiloPlacement : PlacementStrategy;
