namespace Collaboration.Grains.Platform;

/// <summary>
/// Keeps a secret link's token so a later email can carry it again (the web host seals it with the cluster's
/// data-protection key ring); the grain itself keeps only the token's hash to check it.
/// </summary>
public interface ITokenSealer
{
    string Seal(string token);
}
