namespace Collaboration.Grains.Calendar;

/// <summary>
/// A Table member's personal calendar subscription (key: the member id): the secret in the feed's address. Whether the
/// feed answers is also the table's decision: a revoked member's feed answers nothing, whatever its token.
/// </summary>
[Alias("member-feed")]
public interface IMemberFeedGrain : IGrainWithGuidKey
{
    /// <summary>The sealed token of the member's feed, issued the first time.</summary>
    Task<string> GetOrIssueAsync(Guid tableId);

    /// <summary>A new token: the old address stops working.</summary>
    Task<string> ResetAsync(Guid tableId);

    /// <summary>The member's table when <paramref name="tokenHash"/> is the current token's hash, else null.</summary>
    Task<Guid?> ResolveAsync(string tokenHash);
}
