using System.Net;
using System.Net.Sockets;
using Collaboration.Grains.Accounts;

namespace Collaboration.Web.Accounts;

/// <summary>
/// Exponential back-off on wrong passwords, per account AND per address, in a way that never
/// refuses the right person because someone else guessed wrong:
/// <list type="bullet">
/// <item>per (account, address): after <see cref="SignInBackOff.FreeFailures"/> failures, each further attempt
/// waits base × 2^(n − free), up to the maximum; a success clears it;</item>
/// <item>per account, across addresses (a spread-out guessing attack): once the account has many
/// recent failures, every address that has failed on it waits too, but an address that never
/// failed on it is not slowed down;</item>
/// <item>per address, across accounts (one client trying many accounts): the same back-off on
/// its total failures, with a higher threshold.</item>
/// </list>
/// The counters are grains (<see cref="ISignInFailuresGrain"/>, one per account and one per address), so the nodes
/// behind one address count the same failures; they decay after <see cref="SignInBackOff.Memory"/> without failures.
/// Settings: <c>Login:BackoffBaseSeconds</c> (1), <c>Login:BackoffMaxSeconds</c> (900).
/// </summary>
public sealed class LoginThrottle(IGrainFactory grains, TimeProvider clock, IConfiguration configuration)
{
    private readonly TimeSpan _base = TimeSpan.FromSeconds(configuration.GetValue("Login:BackoffBaseSeconds", 1.0));
    private readonly TimeSpan _max = TimeSpan.FromSeconds(configuration.GetValue("Login:BackoffMaxSeconds", 900.0));

    /// <summary>How long this address must still wait before trying this account; zero when it may try now.</summary>
    public async Task<TimeSpan> WaitBeforeTryingAsync(string account, string address)
    {
        address = Normalize(address);
        var (byAccount, byAddress) = await Both(Account(account).ReadAsync(address), Address(address).ReadAsync(null));
        var now = clock.GetUtcNow();
        var addressWait = Wait(byAddress.Total, SignInBackOff.FreeAddressFailures, now);
        if (byAccount.Peer.Count == 0) return addressWait;
        return Longest(
            Wait(byAccount.Peer, SignInBackOff.FreeFailures, now),
            Wait(byAccount.Total, SignInBackOff.FreeAccountFailures, now, since: byAccount.Peer.Last),
            addressWait);
    }

    public async Task FailedAsync(string account, string address)
    {
        address = Normalize(address);
        await Both(Account(account).FailedAsync(address), Address(address).FailedAsync(null));
    }

    public Task SucceededAsync(string account, string address) => Account(account).SucceededAsync(Normalize(address));

    /// <summary>
    /// One key per client: an IPv4 address seen as IPv6 is the IPv4 address; an IPv6 client, who usually holds a whole /64,
    /// is counted by its /64.
    /// </summary>
    public static string Normalize(string address)
    {
        if (!IPAddress.TryParse(address, out var ip)) return address;
        if (ip.IsIPv4MappedToIPv6) return ip.MapToIPv4().ToString();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private ISignInFailuresGrain Account(string email) => grains.GetGrain<ISignInFailuresGrain>(SignInBackOff.AccountKey(email));

    private ISignInFailuresGrain Address(string address) => grains.GetGrain<ISignInFailuresGrain>(SignInBackOff.AddressKey(address));

    private static async Task<(T, T)> Both<T>(Task<T> first, Task<T> second)
    {
        await Task.WhenAll(first, second);
        return (first.Result, second.Result);
    }

    private TimeSpan Wait(SignInFailures failures, int free, DateTimeOffset now, DateTimeOffset? since = null)
    {
        if (!failures.FreshAt(now) || failures.Count <= free) return TimeSpan.Zero;
        var exponent = Math.Min(failures.Count - free - 1, 30);
        var delay = TimeSpan.FromTicks(Math.Min(_max.Ticks, _base.Ticks * (1L << exponent)));
        var until = (since is { } s && s > failures.Last ? s : failures.Last) + delay;
        return until > now ? until - now : TimeSpan.Zero;
    }

    private static TimeSpan Longest(params TimeSpan[] waits) => waits.Max();
}
