using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Collaboration.Testing;

/// <summary>
/// A SignalR client driven through Node.js and the official <c>@microsoft/signalr</c> npm package, so hub tests
/// exercise the same client code as the browser. It runs <c>node/hub-client.mjs</c> and talks to it in JSON lines.
/// Every wait has a timeout (<see cref="DefaultTimeout"/>, 10 s unless set); a hang fails with the Node stderr.
/// </summary>
public sealed class NodeHubClient : IAsyncDisposable
{
    /// <summary>Environment variable that overrides where <c>hub-client.mjs</c> and its node_modules are.</summary>
    public const string DirectoryVariable = "COLLABORATION_NODE_HUB_CLIENT_DIR";

    private const string ScriptName = "hub-client.mjs";
    private const int StderrLimit = 16_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<NodeHubPush> _pushes = [];
    private readonly List<JsonElement> _events = [];
    private readonly List<string> _states = [];
    private readonly Dictionary<int, (string Method, TaskCompletionSource<JsonElement> Result)> _calls = [];
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _stdinLock = new(1, 1);
    private TaskCompletionSource _changed = NewSignal();
    private Task _stdoutLoop = Task.CompletedTask;
    private Task _stderrLoop = Task.CompletedTask;
    private string? _exitReason;
    private string? _failure;
    private string? _connectionId;
    private int _nextId;
    private int _disposed;

    private NodeHubClient(Process process, string hubUrl, TimeSpan defaultTimeout)
    {
        _process = process;
        HubUrl = hubUrl;
        DefaultTimeout = defaultTimeout;
    }

    /// <summary>The hub URL the client connected to.</summary>
    public string HubUrl { get; }

    /// <summary>Used by every wait that is not given its own timeout.</summary>
    public TimeSpan DefaultTimeout { get; set; }

    /// <summary>The SignalR connection id (changes after a reconnect).</summary>
    public string? ConnectionId { get { lock (_gate) { return _connectionId; } } }

    /// <summary>The last state the client reported: connected, reconnecting, reconnected, closed or failed.</summary>
    public string State { get { lock (_gate) { return _states.Count == 0 ? "starting" : _states[^1]; } } }

    /// <summary>Every state the client reported, in order (use <c>.Count</c> as the <c>since</c> mark of <see cref="WaitForStateAsync"/>).</summary>
    public IReadOnlyList<string> StateChanges { get { lock (_gate) { return [.. _states]; } } }

    /// <summary>The argument of every push to the client method <c>event</c>, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Events { get { lock (_gate) { return [.. _events]; } } }

    /// <summary>Every forwarded push (all of <see cref="NodeHubClientOptions.ClientMethods"/>), in arrival order.</summary>
    public IReadOnlyList<NodeHubPush> Pushes { get { lock (_gate) { return [.. _pushes]; } } }

    /// <summary>What the Node process wrote to stderr so far (the SignalR client's warnings and errors).</summary>
    public string StandardError { get { lock (_stderr) { return _stderr.ToString(); } } }

    /// <summary>Starts the Node client and waits until it is connected; throws with the client's error otherwise.</summary>
    public static Task<NodeHubClient> ConnectAsync(string hubUrl, string? cookie = null, TimeSpan? timeout = null) =>
        ConnectAsync(hubUrl, new NodeHubClientOptions { Cookie = cookie, Timeout = timeout ?? TimeSpan.FromSeconds(10) });

    /// <summary>Starts the Node client with the given options and waits until it is connected.</summary>
    public static async Task<NodeHubClient> ConnectAsync(string hubUrl, NodeHubClientOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(hubUrl);
        ArgumentNullException.ThrowIfNull(options);

        var directory = LocateNodeDirectory();
        var start = new ProcessStartInfo(options.NodeExecutable)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, ScriptName));
        start.ArgumentList.Add(hubUrl);
        start.ArgumentList.Add("--methods");
        start.ArgumentList.Add(string.Join(',', options.ClientMethods));
        // The cookie goes through the environment so it does not show in process listings.
        start.Environment["HUB_COOKIE"] = options.Cookie ?? "";
        start.Environment.Remove("HUB_CLIENT_METHODS");

        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"NodeHubClient: could not start '{options.NodeExecutable}' ({e.Message}). Node.js 18+ must be on the PATH.", e);
        }

        var client = new NodeHubClient(process, hubUrl, options.Timeout);
        client._stdoutLoop = Task.Run(client.ReadStdoutAsync);
        client._stderrLoop = Task.Run(client.ReadStderrAsync);
        try
        {
            var failure = await client.WaitUntilAsync(
                () => client._states.Contains("connected") ? (true, (string?)null)
                    : client._states.Contains("failed") ? (true, client._failure ?? "unknown error")
                    : (false, null),
                options.Timeout,
                () => $"connecting to {hubUrl}").ConfigureAwait(false);
            if (failure is not null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException(
                    $"NodeHubClient: could not connect to {hubUrl}: {failure}{client.StderrSuffix()}");
            }
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The folder holding <c>hub-client.mjs</c> and its node_modules: <see cref="DirectoryVariable"/> if set, else the
    /// source folder recorded when Collaboration.Testing was built, else <c>tests/Collaboration.Testing/node</c>
    /// found by walking up from the test's output folder.
    /// </summary>
    public static string LocateNodeDirectory()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } fromEnvironment)
            candidates.Add(fromEnvironment);
        var recorded = typeof(NodeHubClient).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NodeHubClientDirectory")?.Value;
        if (!string.IsNullOrEmpty(recorded))
            candidates.Add(recorded);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "tests", "Collaboration.Testing", "node"));

        foreach (var candidate in candidates)
        {
            if (!File.Exists(Path.Combine(candidate, ScriptName)))
                continue;
            if (!Directory.Exists(Path.Combine(candidate, "node_modules", "@microsoft", "signalr")))
                throw new InvalidOperationException(
                    $"NodeHubClient: {candidate}/node_modules is missing @microsoft/signalr. Building Collaboration.Testing " +
                    "runs 'npm ci' there; run 'npm ci --no-audit --no-fund' in that folder by hand if the build was skipped.");
            return Path.GetFullPath(candidate);
        }
        throw new InvalidOperationException(
            $"NodeHubClient: {ScriptName} not found (looked in: {string.Join(", ", candidates.Take(4))}, ...). " +
            $"Set {DirectoryVariable} to the folder tests/Collaboration.Testing/node.");
    }

    /// <summary>Invokes a hub method and returns its result (JSON null for a void method).</summary>
    /// <exception cref="HubInvocationException">The server refused or the method threw (e.g. a <c>HubException</c>).</exception>
    public Task<JsonElement> InvokeAsync(string method, params object?[] args) =>
        InvokeAsync(DefaultTimeout, method, args);

    /// <summary>Invokes a hub method with an explicit timeout.</summary>
    public Task<JsonElement> InvokeAsync(TimeSpan timeout, string method, params object?[] args) =>
        CallAsync("invoke", timeout, method, args);

    /// <summary>Invokes a hub method and reads its result as <typeparamref name="T"/> (web JSON naming).</summary>
    public async Task<T?> InvokeAsync<T>(string method, params object?[] args) =>
        (await InvokeAsync(method, args).ConfigureAwait(false)).Deserialize<T>(Json);

    /// <summary>Sends a hub method without waiting for its result (SignalR <c>send</c>); completes once it was sent.</summary>
    public Task SendAsync(string method, params object?[] args) =>
        CallAsync("send", DefaultTimeout, method, args);

    /// <summary>
    /// Waits for a push to <c>event</c> whose argument matches; events received earlier count too. A predicate that
    /// throws <see cref="KeyNotFoundException"/> or <see cref="InvalidOperationException"/> (a missing property, a
    /// different JSON kind) is taken as "no match".
    /// </summary>
    public Task<JsonElement> WaitForEventAsync(Func<JsonElement, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return WaitUntilAsync(
            () => FirstMatch(_events, predicate),
            timeout ?? DefaultTimeout,
            () => $"waiting for a matching event (received {_events.Count} events; the last ones: {Summarise(_events)})");
    }

    /// <summary>Waits for a push to the client method <paramref name="method"/> (e.g. <c>presence</c>); earlier pushes count.</summary>
    public Task<JsonElement> WaitForPushAsync(string method, Func<JsonElement, bool>? predicate = null, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        return WaitUntilAsync(
            () => FirstMatch(_pushes.Where(p => p.Method == method).Select(p => p.Data), predicate ?? (_ => true)),
            timeout ?? DefaultTimeout,
            () => $"waiting for a matching push to '{method}' (received {_pushes.Count(p => p.Method == method)})");
    }

    /// <summary>
    /// Waits until the client reports <paramref name="state"/> (connected, reconnecting, reconnected, closed).
    /// States reported since the <paramref name="since"/>-th state change count, so pass
    /// <c>StateChanges.Count</c> taken before the action to wait only for a new one.
    /// </summary>
    public Task WaitForStateAsync(string state, TimeSpan? timeout = null, int since = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        return WaitUntilAsync(
            () => (_states.Skip(since).Contains(state), true),
            timeout ?? DefaultTimeout,
            () => $"waiting for state '{state}' (states so far: {string.Join(" → ", _states)})",
            stopWhenExited: state != "closed");
    }

    /// <summary>Stops the connection cleanly and waits for the Node process to end.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited)
        {
            try
            {
                await WriteLineAsync("{\"op\":\"stop\"}").ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The process is already gone.
            }
        }
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(
                $"NodeHubClient({HubUrl}): did not stop within {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s{StderrSuffix()}");
        }
    }

    /// <summary>Kills the Node process (if still running) and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Not started or already exited.
        }
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                await Task.WhenAll(_stdoutLoop, _stderrLoop).WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Best effort: the process was killed; do not hang a test run on its pipes.
            }
        }
        _process.Dispose();
        _stdinLock.Dispose();
    }

    private async Task<JsonElement> CallAsync(string op, TimeSpan timeout, string method, object?[] args)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        var id = Interlocked.Increment(ref _nextId);
        var result = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_exitReason is not null)
                throw new InvalidOperationException(
                    $"NodeHubClient({HubUrl}): cannot {op} '{method}', the Node client has exited ({_exitReason}){StderrSuffix()}");
            _calls[id] = (method, result);
        }

        var line = JsonSerializer.Serialize(new { id, op, method, args = args ?? [null] }, Json);
        try
        {
            await WriteLineAsync(line).ConfigureAwait(false);
            return await result.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"NodeHubClient({HubUrl}): no answer to {op} '{method}' within {timeout.TotalSeconds:0.#} s " +
                $"(state: {State}){StderrSuffix()}");
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"NodeHubClient({HubUrl}): could not send {op} '{method}' to the Node client ({e.Message}){StderrSuffix()}", e);
        }
        finally
        {
            lock (_gate)
                _calls.Remove(id);
        }
    }

    private async Task WriteLineAsync(string line)
    {
        await _stdinLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _process.StandardInput.WriteAsync(line + "\n").ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _stdinLock.Release();
        }
    }

    private async Task<T> WaitUntilAsync<T>(
        Func<(bool Done, T Value)> check, TimeSpan timeout, Func<string> describe, bool stopWhenExited = true)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var (done, value) = check();
                if (done)
                    return value;
                if (_exitReason is not null && stopWhenExited)
                    throw new InvalidOperationException(
                        $"NodeHubClient({HubUrl}): the Node client exited ({_exitReason}) while {describe()}{StderrSuffix()}");
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                string latest;
                lock (_gate)
                    latest = describe();
                throw new TimeoutException(
                    $"NodeHubClient({HubUrl}): timed out after {timeout.TotalSeconds:0.#} s {latest}{StderrSuffix()}");
            }
        }
    }

    private static (bool, JsonElement) FirstMatch(IEnumerable<JsonElement> items, Func<JsonElement, bool> predicate)
    {
        foreach (var item in items)
        {
            bool matches;
            try
            {
                matches = predicate(item);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                matches = false;
            }
            if (matches)
                return (true, item);
        }
        return (false, default);
    }

    private async Task ReadStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
                Handle(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was killed.
        }

        string reason;
        try
        {
            await _process.WaitForExitAsync().ConfigureAwait(false);
            reason = $"exit code {_process.ExitCode}";
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            reason = "killed";
        }
        await _stderrLoop.WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);

        List<(string Method, TaskCompletionSource<JsonElement> Result)> orphans;
        lock (_gate)
        {
            _exitReason = reason;
            orphans = [.. _calls.Values];
            Signal();
        }
        foreach (var (method, result) in orphans)
            result.TrySetException(new InvalidOperationException(
                $"NodeHubClient({HubUrl}): the Node client exited ({reason}) before answering '{method}'{StderrSuffix()}"));
    }

    private async Task ReadStderrAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_stderr)
                {
                    if (_stderr.Length > StderrLimit)
                        _stderr.Remove(0, _stderr.Length - StderrLimit / 2);
                    _stderr.AppendLine(line);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was killed.
        }
    }

    private void Handle(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            lock (_stderr)
                _stderr.AppendLine($"(stdout, not JSON) {line}");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            TaskCompletionSource<JsonElement>? completed = null;
            JsonElement value = default;
            string? error = null;
            string? method = null;
            lock (_gate)
            {
                switch (type)
                {
                    case "state":
                        var state = root.GetProperty("state").GetString() ?? "unknown";
                        _states.Add(state);
                        if (root.TryGetProperty("connectionId", out var id) && id.ValueKind == JsonValueKind.String)
                            _connectionId = id.GetString();
                        if (state == "failed")
                            _failure = root.TryGetProperty("error", out var f) ? f.GetString() : null;
                        break;
                    case "event":
                        var pushMethod = root.TryGetProperty("method", out var m) ? m.GetString() ?? "event" : "event";
                        var data = root.TryGetProperty("data", out var d) ? d.Clone() : default;
                        _pushes.Add(new NodeHubPush(pushMethod, data));
                        if (pushMethod == "event")
                            _events.Add(data);
                        break;
                    case "result":
                        var callId = root.GetProperty("id").GetInt32();
                        if (_calls.TryGetValue(callId, out var call))
                        {
                            completed = call.Result;
                            method = call.Method;
                            if (root.GetProperty("ok").GetBoolean())
                                value = root.TryGetProperty("value", out var v) ? v.Clone() : default;
                            else
                                error = root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown error" : "unknown error";
                        }
                        break;
                    default:
                        lock (_stderr)
                            _stderr.AppendLine($"(stdout) {line}");
                        break;
                }
                Signal();
            }

            if (completed is null)
                return;
            if (error is null)
                completed.TrySetResult(value);
            else
                completed.TrySetException(new HubInvocationException(method!, error));
        }
    }

    // Wakes every waiter so it re-checks its condition; called with _gate held.
    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string StderrSuffix()
    {
        var stderr = StandardError.Trim();
        return stderr.Length == 0 ? "." : $". Node stderr:{Environment.NewLine}{stderr}";
    }

    private static string Summarise(List<JsonElement> events)
    {
        var text = string.Join(", ", events.TakeLast(5).Select(e => e.GetRawText()));
        return text.Length > 1500 ? text[..1500] + "…" : text;
    }
}
