using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Collaboration.Testing;

/// <summary>
/// Debian's nginx on loopback, round-robin in front of some web nodes, configured by the repository's own
/// <c>deploy/nginx/concertation.conf</c>: only its upstream <c>server</c> lines and its <c>listen</c> line are
/// rewritten to loopback ports, so what the tests prove is what operators deploy. Runs in the foreground
/// (<c>daemon off</c>) as a child of the test process, with its pid, logs and temp files in a folder of its own.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";

    /// <summary>Whether Debian's nginx is on this machine (tests that need it are skipped otherwise).</summary>
    public static bool IsInstalled => File.Exists(NginxPath);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _folder;
    private readonly string _config;
    private readonly StringBuilder _output = new();

    private NginxProxy(Process process, string folder, string config, Uri address)
    {
        _process = process;
        _folder = folder;
        _config = config;
        Address = address;
    }

    /// <summary>The master process (its worker is its child), for a benchmark that reads their CPU.</summary>
    public int Pid => _process.Id;

    /// <summary>The one public address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    /// <summary>The access log so far: one line per request, with the upstream node that served it.</summary>
    public string AccessLog => ReadShared(Path.Combine(_folder, "access.log"));

    /// <summary>The error log so far (and what nginx printed), for failure messages.</summary>
    public string ErrorLog
    {
        get { lock (_output) return ReadShared(Path.Combine(_folder, "error.log")) + _output; }
    }

    /// <summary>Starts nginx on a free loopback port in front of <paramref name="nodes"/> (their http://127.0.0.1:port/ addresses).</summary>
    public static async Task<NginxProxy> StartAsync(IEnumerable<Uri> nodes)
    {
        if (!File.Exists(NginxPath))
            throw new InvalidOperationException($"{NginxPath} is missing. Install Debian's nginx: apt-get update && apt-get install -y nginx");
        var folder = Directory.CreateTempSubdirectory("concertation-nginx-").FullName;
        // Workers run as nobody when the tests run as root: they must be able to write their temp files.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        var port = FreePort.Next();
        var site = Rewrite(File.ReadAllText(RepositoryFile("deploy/nginx/concertation.conf")), nodes, port);
        var config = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(config, $$"""
            worker_processes 1;
            worker_rlimit_nofile 8192;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; } # a live client holds two: its own and the one to its node
            http {
                log_format upstreamlog '$request $status $upstream_addr';
                access_log {{folder}}/access.log upstreamlog;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{site}}
            }
            """);
        var start = new ProcessStartInfo(NginxPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-e", Path.Combine(folder, "error.log"), "-p", folder, "-c", config }) start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        process.Start();
        var proxy = new NginxProxy(process, folder, config, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Poll.UntilAsync(async () =>
            {
                if (process.HasExited) throw new InvalidOperationException($"nginx exited with code {process.ExitCode}");
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return true;
            }, ReadyTimeout, $"nginx listens on {proxy.Address}");
            return proxy;
        }
        catch (Exception e)
        {
            var log = proxy.ErrorLog;
            await proxy.DisposeAsync();
            throw new InvalidOperationException($"nginx did not start: {e.Message}{Environment.NewLine}{log}", e);
        }
    }

    /// <summary>The repository's site file with its upstream servers and listen address replaced.</summary>
    public static string Rewrite(string site, IEnumerable<Uri> nodes, int port)
    {
        var servers = string.Join(Environment.NewLine, nodes.Select(n => $"    server 127.0.0.1:{n.Port} max_fails=1 fail_timeout=5s;"));
        var seen = 0;
        // The first server line becomes the loopback nodes; the others go.
        var replaced = UpstreamServers().Replace(site, _ => seen++ == 0 ? servers + Environment.NewLine : "");
        return ListenLine().Replace(replaced, $"listen 127.0.0.1:{port};", 1);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // "nginx -s stop" (SIGTERM to the master), which takes its workers with it; a SIGKILL of the master
            // alone would leave its workers holding the port.
            if (!_process.HasExited)
            {
                using var stop = Process.Start(new ProcessStartInfo(NginxPath, ["-p", _folder, "-c", _config, "-s", "stop"])
                {
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                await stop!.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A file of this repository, found upwards from the test assembly's folder.</summary>
    public static string RepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}.");
    }

    private static string ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    [GeneratedRegex(@"^[ \t]*server[ \t]+[^\s;{]+:\d+[^;\n]*;[ \t]*\r?\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServers();

    [GeneratedRegex(@"listen[ \t]+80;")]
    private static partial Regex ListenLine();
}
