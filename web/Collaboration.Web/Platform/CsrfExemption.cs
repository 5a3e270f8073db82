namespace Collaboration.Web.Platform;

/// <summary>
/// Endpoint metadata: this state-changing endpoint needs no <c>X-CSRF</c> header, because its proof
/// is something a forging page cannot have (a signed token in the link), not the caller's cookie.
/// Set it with <see cref="CsrfProtection.ExemptFromCsrfHeader{TBuilder}"/>; say why in <see cref="Reason"/>.
/// </summary>
public sealed record CsrfExemption(string Reason);
