using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Collaboration.Testing;

namespace Collaboration.Web.Tests.Platform;

/// <summary>
/// A control character in a path, through the shipped nginx configuration: "%00" (which nginx and Kestrel both refuse
/// before any of the product's code runs) gets the same problem details as the other control characters, which the node
/// answers itself; nothing is a bare 400 or a 500.
/// </summary>
public sealed class ProxyBadRequestTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ConcertationFactory _node = new(kestrel: true);
    private NginxProxy _proxy = null!;

    public async Task InitializeAsync() => _proxy = await NginxProxy.StartAsync([_node.ServerAddress]);

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _node.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/partners/%00")]
    [InlineData("/organismes/a%00b")]
    [InlineData("/%00")]
    [InlineData("/api/partners/a%01b")]
    [InlineData("/organismes/a%0Ab")]
    [InlineData("/api/partners/%7F")]
    public async Task AControlCharacterInThePath_ThroughTheProxy_IsA400Problem_NamingThePath(string path)
    {
        // Act
        var (status, contentType, body) = await RawGetAsync(_proxy.Address, path);

        // Assert
        Assert.True(status == 400, $"{status}: {body}\n{_proxy.ErrorLog}");
        Assert.Equal("application/problem+json", contentType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty("path").GetProperty("fr").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty("path").GetProperty("en").GetString()));
    }

    [Fact]
    public async Task AMalformedRequest_ThroughTheProxy_IsA400Problem_NotNginxsPage()
    {
        // Act: a header line without a colon, which nginx refuses itself.
        var (status, contentType, body) = await RawAsync(_proxy.Address, $"GET / HTTP/1.1\r\nHost: {_proxy.Address.Authority}\r\nNot a header\r\nConnection: close\r\n\r\n");

        // Assert
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("bad-request", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    /// <summary>The path as written (an HTTP client would re-encode it): status, media type, body.</summary>
    private static Task<(int Status, string? ContentType, string Body)> RawGetAsync(Uri server, string path) =>
        RawAsync(server, $"GET {path} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n");

    private static async Task<(int Status, string? ContentType, string Body)> RawAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port).WaitAsync(Timeout);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var response = new MemoryStream();
        await stream.CopyToAsync(response).WaitAsync(Timeout);
        var text = Encoding.UTF8.GetString(response.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = text[..split].Split("\r\n");
        var body = text[(split + 4)..];
        if (head.Any(h => h.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))) body = Unchunk(body);
        var contentType = head.FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?["Content-Type:".Length..].Split(';')[0].Trim();
        return (int.Parse(head[0].Split(' ')[1]), contentType, body);
    }

    private static string Unchunk(string chunked)
    {
        var body = new StringBuilder();
        var rest = chunked;
        while (true)
        {
            var lineEnd = rest.IndexOf("\r\n", StringComparison.Ordinal);
            var size = Convert.ToInt32(rest[..lineEnd], 16);
            if (size == 0) return body.ToString();
            // The size counts bytes: take them as bytes, not characters (the messages hold accents).
            var bytes = Encoding.UTF8.GetBytes(rest[(lineEnd + 2)..]);
            body.Append(Encoding.UTF8.GetString(bytes, 0, size));
            rest = Encoding.UTF8.GetString(bytes, size + 2, bytes.Length - size - 2);
        }
    }
}
