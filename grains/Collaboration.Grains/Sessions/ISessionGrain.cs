namespace Collaboration.Grains.Sessions;

/// <summary>
/// One signed-in session (a cookie), keyed by its random id. The cookie is valid only while this
/// record is active: logout, a password change, a member's or a desk's revocation end it, and
/// the end reaches every node through the live relay (feed <see cref="SessionGrain.Feed"/>).
/// </summary>
[Alias("session")]
public interface ISessionGrain : IGrainWithStringKey
{
    Task StartAsync(SessionStart start);

    /// <summary>True while started and not ended (what every request's check asks).</summary>
    [AlwaysInterleave, ReadOnly]
    Task<bool> IsActiveAsync();

    Task<SessionInfo?> GetAsync();

    /// <summary>Ends the session; true if it was active.</summary>
    Task<bool> EndAsync(string reason);
}
