namespace Collaboration.Testing;

/// <summary>How <see cref="NodeHubClient.ConnectAsync(string, NodeHubClientOptions)"/> starts the Node client.</summary>
public sealed record NodeHubClientOptions
{
    /// <summary>A <c>Cookie</c> request header (e.g. <c>.AspNetCore.Cookies=...</c>) sent with negotiate and the WebSocket.</summary>
    public string? Cookie { get; init; }

    /// <summary>Client methods whose pushes are forwarded; <c>event</c> fills <see cref="NodeHubClient.Events"/>.</summary>
    public IReadOnlyList<string> ClientMethods { get; init; } = ["event", "presence"];

    /// <summary>How long to wait for "connected", and the default for every later wait. 10 s unless set.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The <c>node</c> executable; <c>node</c> on the PATH unless set.</summary>
    public string NodeExecutable { get; init; } = "node";
}
