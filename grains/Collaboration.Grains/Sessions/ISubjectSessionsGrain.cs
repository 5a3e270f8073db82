namespace Collaboration.Grains.Sessions;

/// <summary>The sessions of one subject (an organiser, a member, a desk), so they can be listed and ended together.</summary>
[Alias("subject-sessions")]
public interface ISubjectSessionsGrain : IGrainWithStringKey
{
    Task AddAsync(string sessionId);

    /// <summary>Ends every active session of the subject; returns the ids it ended.</summary>
    Task<IReadOnlyList<string>> EndAllAsync(string reason);

    Task<IReadOnlyList<SessionInfo>> ListActiveAsync();
}
