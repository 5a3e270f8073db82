using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Collaboration.Testing;

namespace Collaboration.Bench.Harness;

/// <summary>
/// A web node in a process of its own, as it runs in production: the published <c>Collaboration.Web.dll</c>
/// (the Release build beside the bench) started with <c>dotnet</c>, Production environment, PostgreSQL storage and
/// clustering, the same settings as <see cref="WebNode"/>. Its CPU is read from /proc apart from the bench's, so
/// a scenario can report the nodes' CPU with the clients (the bench process) excluded, and <c>dotnet-trace</c> can
/// attach to it (<see cref="Pid"/>).
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _log;

    private NodeProcess(Process process, Uri address, string log)
    {
        _process = process;
        ServerAddress = address;
        _log = log;
    }

    public Uri ServerAddress { get; }

    public int Pid => _process.Id;

    /// <summary>
    /// A folder holding another build of the web node (<c>BENCH_BEFORE_BUILD</c>): a scenario can run it beside this
    /// build, interleaved in the same run, so "before" and "after" a change share the machine's conditions.
    /// </summary>
    public static string? BeforeBuild => Environment.GetEnvironmentVariable("BENCH_BEFORE_BUILD") is { Length: > 0 } folder ? folder : null;

    /// <summary>Starts a node on <paramref name="postgresConnectionString"/> and waits until it answers /health.</summary>
    public static Task<NodeProcess> StartAsync(string postgresConnectionString, params (string Key, string? Value)[] settings) =>
        StartAsync(postgresConnectionString, null, settings);

    /// <summary>
    /// As above, from the build in <paramref name="buildDirectory"/>; when null, <c>BENCH_NODE_BUILD</c> if set (a copy of a
    /// build, so the repository can be rebuilt while a bench runs), else this repository's Release build.
    /// </summary>
    public static async Task<NodeProcess> StartAsync(string postgresConnectionString, string? buildDirectory, params (string Key, string? Value)[] settings)
    {
        var web = WebNode.WebProjectDirectory();
        var before = buildDirectory is not null && buildDirectory == BeforeBuild;
        buildDirectory ??= Environment.GetEnvironmentVariable("BENCH_NODE_BUILD") is { Length: > 0 } copy ? copy : Path.Combine(web, "bin", BuildConfiguration, "net10.0");
        var dll = Path.Combine(buildDirectory, "Collaboration.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build web/Collaboration.Web in {BuildConfiguration} first.");
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(web);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in WebNode.Settings(postgresConnectionString, settings))
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        // BENCH_NODE_ENV="NAME=value;…": runtime settings for this build's nodes only (e.g. DOTNET_gcServer=0), to compare with the other build's.
        if (!before && Environment.GetEnvironmentVariable("BENCH_NODE_ENV") is { Length: > 0 } extra)
            foreach (var pair in extra.Split(';', StringSplitOptions.RemoveEmptyEntries))
                start.Environment[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
        var log = Path.Combine(Path.GetTempPath(), $"concertation-bench-node-{Environment.ProcessId}-{port}.log");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new NodeProcess(process, new Uri($"http://127.0.0.1:{port}"), log);
        using var http = node.NewHttpClient();
        // A node starts in seconds on a quiet machine, in minutes when other builds and tests share its cores.
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 600;
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The node exited at start ({process.ExitCode}); see {log}.");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) break;
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && Stopwatch.GetTimestamp() < deadline)
            {
            }
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                await node.DisposeAsync();
                throw new InvalidOperationException($"The node at {node.ServerAddress} never answered /health in 10 minutes.");
            }
            await Task.Delay(200);
        }
        return node;
    }

    /// <summary>
    /// What the nodes run, for a report: the build <c>BENCH_NODE_BUILD</c> names (or this repository's Release build), and
    /// whether it was compiled ahead of time, as the Dockerfile publishes it (a ReadyToRun image has a native header).
    /// </summary>
    public static string BuildDescription
    {
        get
        {
            var copy = Environment.GetEnvironmentVariable("BENCH_NODE_BUILD");
            var directory = copy is { Length: > 0 } ? copy : Path.Combine(WebNode.WebProjectDirectory(), "bin", BuildConfiguration, "net10.0");
            using var stream = File.OpenRead(Path.Combine(directory, "Collaboration.Web.dll"));
            using var image = new System.Reflection.PortableExecutable.PEReader(stream);
            var readyToRun = image.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
            return readyToRun
                ? "the published build of `web/Collaboration.Web` (`dotnet publish -c Release -a x64`, ReadyToRun, as the Dockerfile builds the image)"
                : $"the {BuildConfiguration} build of `web/Collaboration.Web` (not ReadyToRun)";
        }
    }

    /// <summary>CPU seconds this node has used so far (user + system, all threads), from /proc.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>
    /// What the node's JIT compiler has done so far (methods compiled, seconds spent), read from its own <c>/metrics</c>
    /// (the runtime's meter; loopback may scrape it): a scenario reads it around its measured rounds, to say how much of
    /// what it measured was the node still compiling code it had not yet run often.
    /// </summary>
    public async Task<NodeJit.Compiled> JitSoFarAsync()
    {
        using var http = NewHttpClient();
        var text = await http.GetStringAsync("/metrics");
        double Read(string name) => text.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).FirstOrDefault();
        return new NodeJit.Compiled((long)Read("dotnet_jit_compiled_methods_total"), Read("dotnet_jit_compilation_time_seconds_total"));
    }

    public Uri HubUrl => new(ServerAddress, "/hubs/live");

    public HttpClient NewHttpClient(string? cookie = null) => WebNode.NewHttpClient(ServerAddress, cookie);

    public async Task<string> OrganiserCookieAsync()
    {
        using var client = NewHttpClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = WebNode.OrganiserEmail, password = WebNode.OrganiserPassword });
        response.EnsureSuccessStatusCode();
        return WebNode.CookieOf(response);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            File.Delete(_log);
        }
        catch (IOException)
        {
        }
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
