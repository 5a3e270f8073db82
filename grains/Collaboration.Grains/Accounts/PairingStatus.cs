
namespace Collaboration.Grains.Accounts;

public enum PairingStatus { Paired, Unknown, Expired, AlreadyUsed }
