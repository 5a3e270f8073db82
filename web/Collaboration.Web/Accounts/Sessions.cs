using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Collaboration.Grains.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Collaboration.Web.Accounts;

/// <summary>
/// Server-side sessions behind the auth cookie. Every sign-in starts a session record (a grain,
/// one activation in the cluster) whose id rides in the cookie (claim <see cref="ClaimType"/>);
/// every request and every hub call checks that the record is still active. Ending it (logout,
/// password change, revocation) is at once on this node, and on the others when the
/// <see cref="SessionEnded"/> event reaches them through the live relay; a node that missed it
/// asks the grain again after <c>Sessions:RecheckSeconds</c> (10 s) at most.
/// </summary>
public sealed class Sessions(IGrainFactory grains, SessionConnections connections, TimeProvider clock, IConfiguration configuration)
{
    public const string ClaimType = "concertation:session";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _activeUntil = new(StringComparer.Ordinal);
    private readonly TimeSpan _recheck = TimeSpan.FromSeconds(configuration.GetValue("Sessions:RecheckSeconds", 10.0));

    /// <summary>Starts a session for these claims and subjects, and issues its cookie.</summary>
    public async Task<string> SignInAsync(HttpContext http, IEnumerable<Claim> claims, IReadOnlyList<string> subjects, string kind, string label)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var userAgent = http.Request.Headers.UserAgent.ToString();
        await grains.GetGrain<ISessionGrain>(id).StartAsync(new SessionStart(subjects, kind, label,
            http.Connection.RemoteIpAddress?.ToString(), userAgent.Length > 200 ? userAgent[..200] : userAgent));
        var identity = new ClaimsIdentity(claims.Append(new Claim(ClaimType, id)), CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        _activeUntil[id] = clock.GetUtcNow() + _recheck;
        return id;
    }

    public static string? IdOf(ClaimsPrincipal? user) => user?.FindFirstValue(ClaimType);

    /// <summary>Whether the session is still active: from this node's cache when it was checked lately, else from its grain.</summary>
    public async ValueTask<bool> IsActiveAsync(string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 64) return false;
        var now = clock.GetUtcNow();
        if (_activeUntil.TryGetValue(sessionId, out var until) && until > now) return true;
        var active = await grains.GetGrain<ISessionGrain>(sessionId).IsActiveAsync();
        if (active) _activeUntil[sessionId] = now + _recheck;
        else Forget(sessionId);
        return active;
    }

    /// <summary>Ends the caller's session (logout) and clears its cookie.</summary>
    public async Task SignOutAsync(HttpContext http)
    {
        if (IdOf(http.User) is { } id) await EndAsync(id, "logout");
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    public async Task EndAsync(string sessionId, string reason)
    {
        await grains.GetGrain<ISessionGrain>(sessionId).EndAsync(reason);
        OnEnded(sessionId);
    }

    /// <summary>Ends every session of a subject (password change, member or desk revoked); returns how many were active.</summary>
    public async Task<int> EndAllAsync(string subject, string reason)
    {
        var ended = await grains.GetGrain<ISubjectSessionsGrain>(subject).EndAllAsync(reason);
        foreach (var id in ended) OnEnded(id);
        return ended.Count;
    }

    public Task<IReadOnlyList<SessionInfo>> ListActiveAsync(string subject) => grains.GetGrain<ISubjectSessionsGrain>(subject).ListActiveAsync();

    /// <summary>A session ended (here, or on another node): forget it and close its hub connections on this node.</summary>
    public void OnEnded(string sessionId)
    {
        Forget(sessionId);
        connections.Abort(sessionId);
    }

    private void Forget(string sessionId)
    {
        _activeUntil.TryRemove(sessionId, out _);
        if (_activeUntil.Count > 100_000) _activeUntil.Clear(); // a bound; the grains still know
    }
}
