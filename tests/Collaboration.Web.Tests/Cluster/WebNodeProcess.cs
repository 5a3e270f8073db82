using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using Collaboration.Testing;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>
/// A web node (the real Collaboration.Web.dll, co-hosting its silo) in an OS process of its own,
/// configured only through environment variables as in production, so that a test can kill it
/// abruptly (<see cref="Kill"/>: SIGKILL, no shutdown code runs, its membership row stays Active
/// until the other silos declare it dead).
/// </summary>
public sealed class WebNodeProcess : IAsyncDisposable
{
    private const int OutputLimit = 64_000;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WebNodeProcess(Process process, Uri address, int siloPort)
    {
        _process = process;
        Address = address;
        SiloPort = siloPort;
    }

    /// <summary>The node's HTTP address.</summary>
    public Uri Address { get; }

    /// <summary>The node's Orleans silo port (its silo address in membership).</summary>
    public int SiloPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the node wrote to stdout and stderr (the end of it), for failure messages.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>
    /// Starts a node on a PostgreSQL database, on free HTTP and silo ports, and waits until /health answers 200;
    /// <paramref name="settings"/> are more configuration keys ("Mail:Smtp:Host"…), passed as environment variables.
    /// </summary>
    public static async Task<WebNodeProcess> StartPostgresAsync(string connectionString, TimeSpan timeout, params (string Key, string? Value)[] settings)
    {
        var (dll, folder) = LocateWebDll();
        var httpPort = FreePort.Next();
        var siloPort = FreePort.Next();
        // Through a small shell that also kills the node when this test process goes away (its stdin
        // closes), so a crashed test run never leaves a silo running.
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        // When the node ends on its own (a test's crash point kills it), the watcher goes too, so nothing holds the output open.
        start.ArgumentList.Add("exec 3<&0; dotnet \"$0\" </dev/null & node=$!; (read _ <&3; kill -9 $node 2>/dev/null) & watcher=$!; " +
            "wait $node; status=$?; kill $watcher 2>/dev/null; exit $status");
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Mail__PublicBaseUrl"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["Storage__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["Orleans__SiloPort"] = siloPort.ToString();
        start.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString();
        // Grains activated by requests to this node live on this node (the failover test needs some there).
        start.Environment["Orleans__Placement"] = "PreferLocal";
        start.Environment["Bootstrap__OrganiserEmail"] = ConcertationFactory.OrganiserEmail;
        start.Environment["Bootstrap__OrganiserPassword"] = ConcertationFactory.OrganiserPassword;
        foreach (var family in Collaboration.Web.Platform.RateLimits.Families) start.Environment[$"RateLimiting__{family.Setting}"] = "10000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = new Process { StartInfo = start };
        process.Start();
        var node = new WebNodeProcess(process, new Uri($"http://127.0.0.1:{httpPort}/"), siloPort);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(5) };
            await Poll.UntilAsync(async () =>
            {
                if (process.HasExited) throw new InvalidOperationException($"exited with code {process.ExitCode}");
                return (await http.GetAsync("/health")).IsSuccessStatusCode;
            }, timeout, $"the web node process at {node.Address} answers /health");
            return node;
        }
        catch (Exception e)
        {
            await node.DisposeAsync();
            throw new InvalidOperationException($"The web node process did not start: {e.Message}{Environment.NewLine}{node.Output}", e);
        }
    }

    /// <summary>Kills the node at once (SIGKILL of its process tree): no graceful shutdown, no membership update.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>An HTTP client signed in on this node as the bootstrap organiser (cookie header, X-CSRF like the browser).</summary>
    public async Task<(HttpClient Client, string Cookie)> SignInOrganiserAsync(TimeSpan timeout)
    {
        var handler = new HttpClientHandler { UseCookies = false };
        var client = new HttpClient(handler) { BaseAddress = Address };
        var login = await client.PostAsJsonAsync("/api/auth/login",
            new { email = ConcertationFactory.OrganiserEmail, password = ConcertationFactory.OrganiserPassword }).WaitAsync(timeout);
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return (client, cookie);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > OutputLimit) _output.Remove(0, _output.Length - OutputLimit);
        }
    }

    /// <summary>
    /// Collaboration.Web.dll as the web project built it (web/Collaboration.Web/bin/{configuration}/net10.0),
    /// found from this test assembly's folder; else the copy next to the tests.
    /// </summary>
    private static (string Dll, string Folder) LocateWebDll()
    {
        var configuration = typeof(WebNodeProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "web", "Collaboration.Web", "bin", configuration, "net10.0");
            if (File.Exists(Path.Combine(folder, "Collaboration.Web.dll")) && File.Exists(Path.Combine(folder, "Collaboration.Web.runtimeconfig.json")))
                return (Path.Combine(folder, "Collaboration.Web.dll"), folder);
        }
        var local = Path.Combine(AppContext.BaseDirectory, "Collaboration.Web.dll");
        return File.Exists(local)
            ? (local, AppContext.BaseDirectory)
            : throw new InvalidOperationException("Collaboration.Web.dll not found: build web/Collaboration.Web first.");
    }
}
