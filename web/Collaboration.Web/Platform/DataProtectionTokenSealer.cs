using Collaboration.Grains.Platform;
using Collaboration.Web.Mail;

namespace Collaboration.Web.Platform;

/// <summary>Seals a link token for a grain (the cluster's data-protection key ring, as the manage links' tokens); emails unseal it.</summary>
public sealed class DataProtectionTokenSealer(MailLinks links) : ITokenSealer
{
    public string Seal(string token) => links.SealManageToken(token);
}
