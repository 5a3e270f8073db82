namespace Collaboration.Grains.Calendar;

/// <summary>
/// A person's one calendar subscription, every meeting of all their Tables (key: <see cref="PersonFeedKey.For"/> of their
/// address): the secret in the feed's address. Which Tables it shows, if any, is the Tables' decision at each read: a
/// member revoked everywhere has a feed that answers nothing, whatever its token.
/// </summary>
[Alias("person-feed")]
public interface IPersonFeedGrain : IGrainWithGuidKey
{
    /// <summary>The sealed token of the person's feed, issued the first time.</summary>
    Task<string> GetOrIssueAsync();

    /// <summary>A new token: the old address stops working.</summary>
    Task<string> ResetAsync();

    /// <summary>Whether <paramref name="tokenHash"/> is the hash of the current token.</summary>
    Task<bool> IsCurrentAsync(string tokenHash);
}
