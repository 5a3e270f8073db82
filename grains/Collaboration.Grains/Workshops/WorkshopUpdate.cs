using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

[GenerateSerializer, Immutable]
public sealed record WorkshopUpdate(WorkshopUpdateResult Result, WorkshopCounts? Counts = null, IReadOnlyList<string>? Promoted = null);
