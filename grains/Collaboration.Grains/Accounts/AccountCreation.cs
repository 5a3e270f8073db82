
namespace Collaboration.Grains.Accounts;

public enum AccountCreation { Created, AlreadyExists }
