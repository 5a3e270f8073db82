using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Collaboration.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1, started by a test: it keeps what it
/// receives, parsed with MimeKit. <see cref="OnMessage"/> decides the answer to each message (by
/// default: keep it, 250); <see cref="OnSession"/> runs when a client connects. Stop it and start
/// another on the same <see cref="Port"/> to play "the server is down, then up".
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly ConcurrentQueue<MimeMessage> _received = new();

    private LoopbackSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("loopback.test")
            .Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Recipients(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => OnSession?.Invoke();
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every message kept so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. _received];

    /// <summary>The answer to a message once its DATA is in; call <see cref="Keep"/> to count it as received.</summary>
    public Func<MimeMessage, Task<SmtpResponse>>? OnMessage { get; set; }

    /// <summary>Recipients refused at RCPT TO (550), e.g. a mailbox that does not exist.</summary>
    public Func<string, bool> RefuseRecipient { get; set; } = _ => false;

    /// <summary>Runs when a client connects (before the greeting).</summary>
    public Action? OnSession { get; set; }

    public static LoopbackSmtpServer Start(int? port = null)
    {
        var server = new LoopbackSmtpServer(port ?? FreePort.Next());
        return server;
    }

    public void Keep(MimeMessage message) => _received.Enqueue(message);

    /// <summary>Waits until at least <paramref name="count"/> messages are kept, then returns them all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        await Poll.UntilAsync(() => Task.FromResult(_received.Count >= count), timeout,
            $"{count} messages reach the SMTP server on port {Port} (got {_received.Count})");
        return Received;
    }

    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _server.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The normal end of StartAsync.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private sealed class Store(LoopbackSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (owner.OnMessage is { } handler) return await handler(message);
            owner.Keep(message);
            return SmtpResponse.Ok;
        }
    }

    private sealed class Recipients(LoopbackSmtpServer owner) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from,
            CancellationToken cancellationToken) =>
            Task.FromResult(!owner.RefuseRecipient($"{to.User}@{to.Host}"));
    }
}
