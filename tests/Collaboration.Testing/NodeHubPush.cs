using System.Text.Json;

namespace Collaboration.Testing;

/// <summary>One call the server made to a client method, as the Node client received it.</summary>
/// <param name="Method">The client method name, e.g. <c>event</c> or <c>presence</c>.</param>
/// <param name="Data">The single argument, or an array when the server passed several.</param>
public sealed record NodeHubPush(string Method, JsonElement Data);
