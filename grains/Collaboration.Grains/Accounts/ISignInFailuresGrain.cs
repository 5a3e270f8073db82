namespace Collaboration.Grains.Accounts;

/// <summary>
/// The failed sign-ins of one account (key <see cref="SignInBackOff.AccountKey"/>, peers: the addresses that failed on
/// it) or of one address (<see cref="SignInBackOff.AddressKey"/>, no peer). One activation cluster-wide, so two nodes
/// behind one address share the count. Kept in memory: a node's death forgets the counters it held (as a restart did).
/// </summary>
[Alias("sign-in-failures")]
public interface ISignInFailuresGrain : IGrainWithStringKey
{
    [AlwaysInterleave] // a read changes nothing: the login's check does not queue behind a burst of failures
    Task<SignInFailureCounts> ReadAsync(string? peer);

    /// <summary>Counts a failure; the audit log hears of it when it starts a back-off.</summary>
    Task<SignInFailureCounts> FailedAsync(string? peer);

    /// <summary>The peer signed in: its own count is cleared (the account's total, the trace of an attack, stays).</summary>
    Task SucceededAsync(string peer);
}
