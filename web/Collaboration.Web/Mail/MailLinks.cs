using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Collaboration.Web.Platform;
using Collaboration.Web.Workshops;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Collaboration.Web.Mail;

/// <summary>
/// The links messages carry. A private token (manage link, sign-in link) is kept in the grain only
/// sealed (data protection, the node's shared key ring), so a message recorded now can carry it
/// when it is sent; the one-click unsubscribe link is signed the same way.
/// </summary>
public sealed class MailLinks(IOptions<MailOptions> options, IDataProtectionProvider protection, IServer server)
{
    private readonly IDataProtector _manage = protection.CreateProtector("Concertation.Mail.ManageToken");
    private readonly IDataProtector _signIn = protection.CreateProtector("Concertation.Mail.SignInToken");
    private readonly IDataProtector _unsubscribe = protection.CreateProtector("Concertation.Mail.Unsubscribe");

    private Uri? _base;

    /// <summary>
    /// <c>Mail:PublicBaseUrl</c>, else the first address this node listens on (a wildcard host read as
    /// localhost), so links work wherever a developer runs it; Production requires the setting (<see cref="PublicBaseUrlCheck"/>).
    /// </summary>
    public Uri Base => _base ?? (Configured(options.Value.PublicBaseUrl) is { } configured ? _base = configured : Listened(server));

    public string SealManageToken(string token) => _manage.Protect(token);

    public string SealSignInToken(string token) => _signIn.Protect(token);

    public string? UnsealManageToken(string? sealedToken) => Unseal(_manage, sealedToken);

    public string? UnsealSignInToken(string? sealedToken) => Unseal(_signIn, sealedToken);

    public Uri ManageUrl(Guid sessionId, string code, string token) =>
        new(Base, WorkshopsApi.ManageUrl(RegistrationIds.Format(sessionId, code), token).TrimStart('/'));

    public Uri ColloqueManageUrl(Guid colloqueId, string code, string token) =>
        new(Base, Colloque.SignupsApi.ManageUrl(colloqueId, code, token).TrimStart('/'));

    public Uri ColloqueUrl(Guid colloqueId) => new(Base, $"colloque/{colloqueId}");

    /// <summary>An evaluation's personal link: the event in the query, the token in the fragment (never sent with the page request).</summary>
    public Uri EvaluationUrl(string subject, string token) => new(Base, $"evaluation?e={Uri.EscapeDataString(subject)}#token={Uri.EscapeDataString(token)}");

    public Uri SessionUrl(Guid sessionId) => new(Base, $"workshops/session.html?id={sessionId}");

    public Uri SignInUrl(string token) => new(Base, $"join.html#t={token}");

    public Uri OrganiserInvitationUrl(string token) => new(Base, $"equipe/invitation#t={token}");

    public Uri PasswordResetUrl(string token) => new(Base, $"mot-de-passe/nouveau#t={token}");

    public Uri MinutesUrl(Guid meetingId) => new(Base, $"minutes.html?id={meetingId}");

    public Uri MeetingUrl(Guid meetingId) => new(Base, $"meeting.html?id={meetingId}");

    public Uri UnsubscribeUrl(Guid sessionId, string code) =>
        new(Base, $"api/mail/unsubscribe?t={Uri.EscapeDataString(_unsubscribe.Protect($"{sessionId:N}/{code}"))}");

    public bool TryReadUnsubscribe(string? token, out Guid sessionId, [NotNullWhen(true)] out string? code)
    {
        sessionId = default;
        code = null;
        var value = Unseal(_unsubscribe, token);
        var parts = value?.Split('/');
        if (parts is not [var session, var registration] || !Guid.TryParseExact(session, "N", out sessionId)) return false;
        code = registration;
        return true;
    }

    private static Uri? Configured(string? url) =>
        string.IsNullOrWhiteSpace(url) ? null : new Uri(url.Trim().TrimEnd('/') + "/");

    /// <summary>Not remembered until the server listens (a message composed earlier gets the default address).</summary>
    private Uri Listened(IServer listening)
    {
        var address = listening.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return new Uri(ListenAddresses.Default + "/");
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "localhost";
        uri.Path = "/";
        return _base = uri.Uri;
    }

    private static string? Unseal(IDataProtector protector, string? sealedValue)
    {
        if (string.IsNullOrEmpty(sealedValue) || sealedValue.Length > 2000) return null;
        try
        {
            return protector.Unprotect(sealedValue);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
