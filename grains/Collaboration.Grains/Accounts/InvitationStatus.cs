
namespace Collaboration.Grains.Accounts;

public enum InvitationStatus { Redeemed, Unknown, Expired, AlreadyUsed, Revoked }
