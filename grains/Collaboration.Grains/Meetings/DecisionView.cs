using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record DecisionView(Guid Id, Guid AgendaItemId, string Text, DateTimeOffset RecordedAt, long Version);
