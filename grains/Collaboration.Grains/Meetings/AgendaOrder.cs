using Collaboration.Grains.Live;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Meetings.Events;

namespace Collaboration.Grains.Meetings;

/// <summary>The agenda's order and the version to send with the next reorder.</summary>
[GenerateSerializer, Immutable]
public sealed record AgendaOrder(IReadOnlyList<Guid> Order, long AgendaVersion);
