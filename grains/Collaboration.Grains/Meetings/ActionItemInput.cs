using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record ActionItemInput(string Text, Guid OwnerMemberId, DateOnly? Due, Guid? AgendaItemId);
