using System.Collections.Concurrent;

namespace Collaboration.Web.Accounts;

/// <summary>
/// Exponential back-off on wrong passwords, per account AND per address, in a way that never
/// refuses the right person because someone else guessed wrong:
/// <list type="bullet">
/// <item>per (account, address): after <see cref="FreeFailures"/> failures, each further attempt
/// waits base × 2^(n − free), up to the maximum; a success clears it;</item>
/// <item>per account, across addresses (a spread-out guessing attack): once the account has many
/// recent failures, every address that has failed on it waits too, but an address that never
/// failed on it is not slowed down;</item>
/// <item>per address, across accounts (one client trying many accounts): the same back-off on
/// its total failures, with a higher threshold.</item>
/// </list>
/// The counters live on each node (a node restart forgets them); they decay after
/// <see cref="Memory"/> without failures. Settings: <c>Login:BackoffBaseSeconds</c> (1),
/// <c>Login:BackoffMaxSeconds</c> (900).
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IConfiguration configuration)
{
    public const int FreeFailures = 5;
    public const int FreeAccountFailures = 20;
    public const int FreeAddressFailures = 30;
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    private readonly TimeSpan _base = TimeSpan.FromSeconds(configuration.GetValue("Login:BackoffBaseSeconds", 1.0));
    private readonly TimeSpan _max = TimeSpan.FromSeconds(configuration.GetValue("Login:BackoffMaxSeconds", 900.0));
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long this address must still wait before trying this account; zero when it may try now.</summary>
    public TimeSpan WaitBeforeTrying(string account, string address)
    {
        var now = clock.GetUtcNow();
        var pair = Read(PairKey(account, address), now);
        if (pair.Count == 0) return Longest(TimeSpan.Zero, Wait(Read(AddressKey(address), now), FreeAddressFailures, now));
        return Longest(
            Wait(pair, FreeFailures, now),
            Wait(Read(AccountKey(account), now), FreeAccountFailures, now, since: pair.Last),
            Wait(Read(AddressKey(address), now), FreeAddressFailures, now));
    }

    public void Failed(string account, string address)
    {
        var now = clock.GetUtcNow();
        foreach (var key in new[] { PairKey(account, address), AccountKey(account), AddressKey(address) })
            _failures.AddOrUpdate(key, _ => new Failures(1, now), (_, f) => new Failures(Fresh(f, now) ? f.Count + 1 : 1, now));
        if (_failures.Count > 200_000) Prune(now);
    }

    public void Succeeded(string account, string address) => _failures.TryRemove(PairKey(account, address), out _);

    private TimeSpan Wait(Failures failures, int free, DateTimeOffset now, DateTimeOffset? since = null)
    {
        if (failures.Count <= free) return TimeSpan.Zero;
        var exponent = Math.Min(failures.Count - free - 1, 30);
        var delay = TimeSpan.FromTicks(Math.Min(_max.Ticks, _base.Ticks * (1L << exponent)));
        var until = (since is { } s && s > failures.Last ? s : failures.Last) + delay;
        return until > now ? until - now : TimeSpan.Zero;
    }

    private Failures Read(string key, DateTimeOffset now) =>
        _failures.TryGetValue(key, out var f) && Fresh(f, now) ? f : new Failures(0, DateTimeOffset.MinValue);

    private static bool Fresh(Failures f, DateTimeOffset now) => now - f.Last < Memory;

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, f) in _failures)
            if (!Fresh(f, now)) _failures.TryRemove(key, out _);
    }

    private static TimeSpan Longest(params TimeSpan[] waits) => waits.Max();

    private static string PairKey(string account, string address) => $"p|{account}|{address}";

    private static string AccountKey(string account) => $"a|{account}";

    private static string AddressKey(string address) => $"i|{address}";

    private sealed record Failures(int Count, DateTimeOffset Last);
}
