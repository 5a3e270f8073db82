using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record ActionItemPatch(string? Text = null, Guid? OwnerMemberId = null, DateOnly? Due = null, ActionItemStatus? Status = null);
