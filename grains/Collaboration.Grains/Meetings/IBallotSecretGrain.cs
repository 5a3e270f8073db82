namespace Collaboration.Grains.Meetings;

/// <summary>
/// The cluster's one key for secret ballots ("default"), kept sealed by the web's key ring: the first node to ask
/// stores its sealed candidate, every node gets that same one back. The grains never see it unsealed.
/// </summary>
[Alias("ballot-secret")]
public interface IBallotSecretGrain : IGrainWithStringKey
{
    Task<string> GetOrSetAsync(string sealedCandidate);
}
