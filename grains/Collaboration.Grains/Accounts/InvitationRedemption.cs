
namespace Collaboration.Grains.Accounts;

[GenerateSerializer, Immutable]
public sealed record InvitationRedemption(InvitationStatus Status, string? Purpose = null, string? Subject = null);
