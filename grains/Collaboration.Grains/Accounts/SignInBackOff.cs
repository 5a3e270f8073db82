namespace Collaboration.Grains.Accounts;

/// <summary>
/// How many failed sign-ins are free before the back-off begins (the web layer's <c>LoginThrottle</c> computes the
/// waits), and how long failures are remembered. The counters are <see cref="ISignInFailuresGrain"/>s, one per account
/// and one per address, so every node counts the same failures.
/// </summary>
public static class SignInBackOff
{
    /// <summary>Per (account, address).</summary>
    public const int FreeFailures = 5;

    /// <summary>Per account, across addresses (a spread-out guessing attack).</summary>
    public const int FreeAccountFailures = 20;

    /// <summary>Per address, across accounts (one client trying many accounts).</summary>
    public const int FreeAddressFailures = 30;

    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    public static string AccountKey(string email) => $"account/{email}";

    public static string AddressKey(string address) => $"address/{address}";
}
