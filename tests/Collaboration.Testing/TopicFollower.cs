using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Collaboration.Testing;

/// <summary>
/// A page's live client in Node.js: <c>node/follow-topic.mjs</c> runs the product's own
/// <c>web/Collaboration.Web/client/src/live.js</c> over the official <c>@microsoft/signalr</c> package and follows one
/// topic, with the page's connection options (WebSockets without negotiation) and its version replay after every
/// reconnect. What it delivers (each change once, in version order) and the states it went through are kept here.
/// </summary>
public sealed class TopicFollower : IAsyncDisposable
{
    private const string ScriptName = "follow-topic.mjs";
    private const string LiveModule = "web/Collaboration.Web/client/src/live.js";
    private const int StderrLimit = 16_000;

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<JsonElement> _events = [];
    private readonly List<string> _states = [];
    private readonly StringBuilder _stderr = new();
    private long? _readyVersion;
    private int _snapshots;
    private string? _error;

    private TopicFollower(Process process) => _process = process;

    /// <summary>Every envelope delivered to the page's handler ({topic, version, type, data}), in order.</summary>
    public IReadOnlyList<JsonElement> Events { get { lock (_gate) return [.. _events]; } }

    /// <summary>Every state the page would show, in order: connected, reconnecting, offline.</summary>
    public IReadOnlyList<string> States { get { lock (_gate) return [.. _states]; } }

    /// <summary>How many times a snapshot replaced the events (the first answer, or a reconnect too far behind).</summary>
    public int Snapshots { get { lock (_gate) return _snapshots; } }

    /// <summary>The last version delivered (or the version of the first answer, before any event).</summary>
    public long LastVersion
    {
        get { lock (_gate) return _events.Count > 0 ? _events[^1].GetProperty("version").GetInt64() : _readyVersion ?? 0; }
    }

    /// <summary>What Node wrote to stderr, and a refused subscription, for failure messages.</summary>
    public string Diagnostics { get { lock (_gate) return $"error: {_error ?? "none"}; states: {string.Join(", ", _states)}; stderr: {_stderr}"; } }

    /// <summary>Starts following <paramref name="topic"/> at <paramref name="hubUrl"/> and waits until the first answer is applied.</summary>
    public static async Task<TopicFollower> StartAsync(string hubUrl, string topic, string? cookie, TimeSpan timeout)
    {
        var directory = NodeHubClient.LocateNodeDirectory();
        var live = NginxProxy.RepositoryFile(LiveModule);
        if (!Directory.Exists(Path.Combine(Path.GetDirectoryName(live)!, "..", "node_modules", "@microsoft", "signalr")))
            throw new InvalidOperationException($"{LiveModule} imports @microsoft/signalr from the client's node_modules: build web/Collaboration.Web first (it runs npm ci there).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(directory, ScriptName), live, hubUrl, topic }) start.ArgumentList.Add(argument);
        start.Environment["HUB_COOKIE"] = cookie ?? ""; // not on the command line, where process listings show it
        var process = new Process { StartInfo = start };
        process.Start();
        var follower = new TopicFollower(process);
        process.OutputDataReceived += (_, e) => follower.Read(e.Data);
        process.ErrorDataReceived += (_, e) => follower.ReadError(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await follower.WaitUntilAsync(f => f._readyVersion is not null, timeout, $"the follower of {topic} at {hubUrl} is subscribed");
            return follower;
        }
        catch
        {
            await follower.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails at once when the subscription is refused or Node exits.</summary>
    public async Task WaitUntilAsync(Func<TopicFollower, bool> condition, TimeSpan timeout, string what)
    {
        await Poll.UntilAsync(() =>
        {
            lock (_gate)
            {
                if (condition(this)) return Task.FromResult(true);
                if (_error is not null) throw new InvalidOperationException($"The subscription was refused: {_error}");
            }
            if (_process.HasExited) throw new InvalidOperationException($"node exited with code {_process.ExitCode}: {Diagnostics}");
            return Task.FromResult(false);
        }, timeout, $"{what} ({Diagnostics})");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close(); // the script stops its connection and exits
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Read(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        using var document = JsonDocument.Parse(line);
        var message = document.RootElement.Clone();
        lock (_gate)
        {
            switch (message.GetProperty("type").GetString())
            {
                case "state": _states.Add(message.GetProperty("state").GetString()!); break;
                case "ready": _readyVersion = message.GetProperty("version").GetInt64(); break;
                case "event": _events.Add(message.GetProperty("envelope")); break;
                case "snapshot": _snapshots++; break;
                case "error": _error = message.GetProperty("error").GetString(); break;
            }
        }
    }

    private void ReadError(string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            _stderr.AppendLine(line);
            if (_stderr.Length > StderrLimit) _stderr.Remove(0, _stderr.Length - StderrLimit);
        }
    }
}
