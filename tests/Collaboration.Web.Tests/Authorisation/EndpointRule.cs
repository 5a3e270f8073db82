namespace Collaboration.Web.Tests.Authorisation;

/// <summary>
/// Who may call one endpoint (see <see cref="EndpointRules"/>). <see cref="Body"/> is a valid JSON
/// body (placeholders in braces, see <see cref="AuthorisationMatrixTests"/>), so that only the
/// permission decides; <see cref="Query"/> is appended to the path; <see cref="RefusedAsNotFound"/>
/// when a refusal is a 404 that tells a stranger nothing (token links); <see cref="EndsSession"/>
/// when the call ends the caller's own session (the organiser then calls with a throw-away one);
/// <see cref="CsrfExempt"/> when its proof is a signed token, not the cookie, so X-CSRF is not asked for
/// (the endpoint carries <c>CsrfExemption</c> metadata; the test checks both agree).
/// </summary>
public sealed record EndpointRule(Callers Allowed, string? Body = null, string? Query = null, bool RefusedAsNotFound = false,
    bool EndsSession = false, string? Method = null, bool CsrfExempt = false)
{
    /// <summary>Anyone, signed in or not.</summary>
    public static EndpointRule Public(string? body = null, string? method = null) => new(Callers.All, body, Method: method);

    /// <summary>Organisers only.</summary>
    public static EndpointRule Organiser(string? body = null, string? query = null) => new(Callers.Organiser, body, query);

    /// <summary>Anyone signed in (organiser, member, desk).</summary>
    public static EndpointRule SignedIn(string? body = null) => new(Callers.SignedIn, body);

    /// <summary>Organisers and members of THAT table (the member of another table is refused).</summary>
    public static EndpointRule TableMembers(string? body = null, string? query = null) => new(Callers.Organiser, body, query);

    /// <summary>Organisers and desks of THAT colloque (the desk of another colloque is refused).</summary>
    public static EndpointRule ColloqueDesks(string? body = null, string? query = null) => new(Callers.Organiser, body, query);

    /// <summary>Only a desk (its own identity).</summary>
    public static EndpointRule DeskOnly() => new(Callers.OtherDesk);

    /// <summary>Only whoever holds THIS registration's manage token: everyone else gets the same 404.</summary>
    public static EndpointRule TokenHolder(string? body = null) => new(Callers.None, body, RefusedAsNotFound: true);
}
