namespace Collaboration.Testing;

/// <summary>The hub refused an invocation made through <see cref="NodeHubClient"/> (the client's promise was rejected).</summary>
public sealed class HubInvocationException : Exception
{
    public HubInvocationException(string method, string serverMessage)
        : base($"Hub method '{method}' failed: {serverMessage}")
    {
        Method = method;
        ServerMessage = serverMessage;
    }

    /// <summary>The hub method that was invoked.</summary>
    public string Method { get; }

    /// <summary>The error text as the official client reported it (a <c>HubException</c>'s message is included).</summary>
    public string ServerMessage { get; }
}
