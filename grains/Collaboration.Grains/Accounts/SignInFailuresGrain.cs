using Collaboration.Grains.Audit;

namespace Collaboration.Grains.Accounts;

/// <summary>
/// No persistent state on purpose: a failed sign-in must not cost a database write (that would hand a guesser a lever
/// on the storage). The activation outlives <see cref="SignInBackOff.Memory"/> of idleness, so counters are not
/// collected while they still count.
/// </summary>
[GrainType("sign-in-failures")]
[CollectionAgeLimit(Minutes = 61)]
public sealed class SignInFailuresGrain(TimeProvider clock) : Grain, ISignInFailuresGrain
{
    private const int MaxPeers = 10_000;

    private SignInFailures _total = SignInFailures.None;
    private readonly Dictionary<string, SignInFailures> _peers = new(StringComparer.Ordinal);

    public Task<SignInFailureCounts> ReadAsync(string? peer) => Task.FromResult(Counts(peer, clock.GetUtcNow()));

    public async Task<SignInFailureCounts> FailedAsync(string? peer)
    {
        var now = clock.GetUtcNow();
        _total = _total.OneMoreAt(now);
        if (peer is not null)
        {
            if (_peers.Count >= MaxPeers) Prune(now);
            _peers[peer] = _peers.GetValueOrDefault(peer, SignInFailures.None).OneMoreAt(now);
        }
        var counts = Counts(peer, now);
        if (BackOffStarts(counts, peer) is { } detail)
            await GrainFactory.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).RecordAsync(AuditEntry.New(now, AuditAction.SignInBackOff, null, Subject, detail));
        return counts;
    }

    public Task SucceededAsync(string peer)
    {
        _peers.Remove(peer);
        return Task.CompletedTask;
    }

    private bool IsAccount => this.GetPrimaryKeyString().StartsWith("account/", StringComparison.Ordinal);

    private string Subject => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().IndexOf('/') + 1)..];

    /// <summary>
    /// The failure that makes a counter wait for the first time (one entry per back-off, not per attempt), and what the
    /// entry says: the failures counted, and from which address ("*": from several, or across accounts).
    /// </summary>
    private string? BackOffStarts(SignInFailureCounts counts, string? peer)
    {
        if (!IsAccount) return counts.Total.Count == SignInBackOff.FreeAddressFailures + 1 ? $"{counts.Total.Count} × *" : null;
        if (counts.Peer.Count == SignInBackOff.FreeFailures + 1) return $"{counts.Peer.Count} × {peer}";
        if (counts.Total.Count == SignInBackOff.FreeAccountFailures + 1) return $"{counts.Total.Count} × *";
        return null;
    }

    private SignInFailureCounts Counts(string? peer, DateTimeOffset now) => new(
        _total.FreshAt(now) ? _total : SignInFailures.None,
        peer is not null && _peers.TryGetValue(peer, out var p) && p.FreshAt(now) ? p : SignInFailures.None);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _peers)
            if (!failures.FreshAt(now)) _peers.Remove(key);
    }
}
