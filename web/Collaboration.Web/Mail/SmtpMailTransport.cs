using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Collaboration.Web.Mail;

/// <summary>
/// MailKit over SMTP, with a small pool of open connections shared by every outbox of the node
/// (a connection per message would cost a TCP and TLS handshake each). A connection that failed
/// in any way is thrown away, the next send opens a fresh one.
/// </summary>
public sealed class SmtpMailTransport(MailSmtpOptions options) : IMailTransport, IAsyncDisposable
{
    private readonly ConcurrentBag<SmtpClient> _idle = [];
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Connections));

    public string Destination => $"smtp://{options.Host}:{options.Port} ({options.Security})";

    public int MaxConcurrency => Math.Max(1, options.Connections);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        SmtpClient? client = null;
        try
        {
            client = _idle.TryTake(out var pooled) && pooled.IsConnected ? pooled : await ConnectAsync(pooled, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            _idle.Add(client);
            client = null;
        }
        finally
        {
            if (client is not null) await DiscardAsync(client);
            _slots.Release();
        }
    }

    private async Task<SmtpClient> ConnectAsync(SmtpClient? stale, CancellationToken cancellationToken)
    {
        if (stale is not null) await DiscardAsync(stale);
        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            var security = options.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(options.User))
                await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task DiscardAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: false);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // Already broken: nothing to say goodbye to.
        }
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client)) await DiscardAsync(client);
    }
}
