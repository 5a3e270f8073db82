namespace Collaboration.Web.Mail;

/// <summary><c>Mail:Smtp:Security</c>: how the SMTP connection is protected.</summary>
public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
