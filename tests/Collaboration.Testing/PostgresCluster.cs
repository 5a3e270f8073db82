using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Collaboration.Testing;

/// <summary>
/// A throw-away PostgreSQL cluster for tests: <c>initdb</c> in a temp folder, a free loopback port, trust auth,
/// <c>fsync=on</c>. <see cref="Shared"/> is one cluster per test process (or the server named by
/// <c>ConnectionStrings__Postgres</c>, if set); <see cref="StartLocalAsync"/> starts a private one for tests that
/// stop and restart the server. The server is stopped and its folder deleted on dispose, at process exit, and by
/// a watchdog if the test process is killed.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>When set, <see cref="Shared"/> uses this server instead of starting one.</summary>
    public const string ConnectionStringVariable = "ConnectionStrings__Postgres";

    /// <summary>Overrides where initdb, pg_ctl and postgres are found.</summary>
    public const string BinDirectoryVariable = "POSTGRES_BIN_DIR";

    private const string OsUser = "postgres";
    private const string SuperUser = "postgres";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(
        async () => (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } external
            ? await ConnectExternalAsync(external).ConfigureAwait(false)
            : await StartLocalAsync().ConfigureAwait(false)).AsShared(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _root;
    private readonly string? _binDirectory;
    private readonly bool _runAsPostgresUser;
    private readonly NpgsqlConnectionStringBuilder _server;
    private readonly List<string> _createdDatabases = [];
    private readonly SemaphoreSlim _serverLock = new(1, 1);
    private Process? _watchdog;
    private bool _isShared;
    private int _disposed;
    private readonly IReadOnlyList<string> _extraSettings;

    private PostgresCluster(NpgsqlConnectionStringBuilder server, string? root, string? binDirectory, bool runAsPostgresUser,
        IReadOnlyList<string>? extraSettings = null)
    {
        _server = server;
        _extraSettings = extraSettings ?? [];
        _root = root;
        _binDirectory = binDirectory;
        _runAsPostgresUser = runAsPostgresUser;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The cluster shared by every test in this process, started on first use (blocks while it starts).</summary>
    public static PostgresCluster Shared => GetSharedAsync().GetAwaiter().GetResult();

    /// <summary>The cluster shared by every test in this process, started on first use.</summary>
    public static Task<PostgresCluster> GetSharedAsync() => SharedCluster.Value;

    /// <summary>True when this wraps a server named by <c>ConnectionStrings__Postgres</c>; such a server is never stopped.</summary>
    public bool IsExternal => _root is null;

    /// <summary>True for a private local cluster: <see cref="StopServerAsync"/> and <see cref="StartServerAsync"/> work.</summary>
    public bool CanStopServer => !IsExternal && !_isShared;

    /// <summary>False between <see cref="StopServerAsync"/> and <see cref="StartServerAsync"/>.</summary>
    public bool IsRunning { get; private set; } = true;

    /// <summary>The server's host (127.0.0.1 for a local cluster).</summary>
    public string Host => _server.Host!;

    /// <summary>The server's TCP port; the same across stop and start.</summary>
    public int Port => _server.Port;

    /// <summary>The cluster's data folder (null for an external server).</summary>
    public string? DataDirectory => _root is null ? null : Path.Combine(_root, "data");

    /// <summary>A superuser connection string to the <c>postgres</c> database (no pooling).</summary>
    public string AdminConnectionString => _server.ConnectionString;

    /// <summary>How long initdb plus the first start took (zero for an external server).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>
    /// Starts a private cluster (always local, whatever <c>ConnectionStrings__Postgres</c> says) that the caller owns
    /// and disposes; use it for tests that stop and restart the server.
    /// </summary>
    /// <param name="settings">Server settings beyond ours, as <c>name=value</c> (a profiling run preloads <c>pg_stat_statements</c>).</param>
    public static async Task<PostgresCluster> StartLocalAsync(CancellationToken cancellationToken = default, IReadOnlyList<string>? settings = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var binDirectory = FindBinDirectory();
        var runAsPostgresUser = IsRoot();
        if (runAsPostgresUser)
            await EnsureOsUserAsync(cancellationToken).ConfigureAwait(false);

        // As root the folder must be reachable by the postgres user, so it goes under /tmp, not $TMPDIR.
        var tempRoot = runAsPostgresUser ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(tempRoot, "concertation-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        try
        {
            if (runAsPostgresUser)
                await RunAsync("chown", [$"{OsUser}:", root], false, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);

            await InitDbAsync(binDirectory, root, runAsPostgresUser, cancellationToken).ConfigureAwait(false);

            for (var attempt = 1; ; attempt++)
            {
                var server = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1",
                    Port = FreePort(),
                    Username = SuperUser,
                    Database = "postgres",
                    Pooling = false,
                    Timeout = 15,
                    IncludeErrorDetail = true,
                };
                var cluster = new PostgresCluster(server, root, binDirectory, runAsPostgresUser, settings);
                try
                {
                    await cluster.StartServerCoreAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidOperationException) when (attempt < 3 && cluster.LogTail().Contains("could not bind", StringComparison.Ordinal))
                {
                    // Someone took the port between probing and binding: try another one.
                    AppDomain.CurrentDomain.ProcessExit -= cluster.OnProcessExit;
                    continue;
                }
                catch
                {
                    AppDomain.CurrentDomain.ProcessExit -= cluster.OnProcessExit;
                    throw;
                }
                cluster.StartWatchdog();
                cluster.StartupTime = stopwatch.Elapsed;
                return cluster;
            }
        }
        catch
        {
            TryDeleteFolder(root);
            throw;
        }
    }

    /// <summary>Wraps an existing server (never started or stopped by this class); databases it creates are dropped on dispose.</summary>
    public static async Task<PostgresCluster> ConnectExternalAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, IncludeErrorDetail = true };
        if (string.IsNullOrEmpty(server.Database))
            server.Database = "postgres";
        var cluster = new PostgresCluster(server, null, null, false);
        await cluster.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        return cluster;
    }

    /// <summary>Creates a fresh, uniquely named database and returns a connection string to it.</summary>
    /// <param name="prefix">Readable start of the name (letters, digits and '_' kept; lower-cased), "test" by default.</param>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var name = DatabaseName(prefix);
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        lock (_createdDatabases)
            _createdDatabases.Add(name);

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            Pooling = true,
            // Many test databases share one server: give idle pooled connections back quickly.
            ConnectionIdleLifetime = 15,
            ConnectionPruningInterval = 5,
        };
        return builder.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, disconnecting its sessions.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        lock (_createdDatabases)
            _createdDatabases.Remove(name);
    }

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>), keeping its data and port, to simulate storage going down.</summary>
    /// <exception cref="InvalidOperationException">On <see cref="Shared"/>, which other tests use at the same time.</exception>
    /// <exception cref="NotSupportedException">On an external server.</exception>
    public async Task StopServerAsync(CancellationToken cancellationToken = default)
    {
        EnsureCanStop();
        await _serverLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsRunning)
                return;
            await PgCtlAsync(["stop", "-D", DataDirectory!, "-m", "fast", "-w", "-t", "60"], cancellationToken).ConfigureAwait(false);
            IsRunning = false;
        }
        finally
        {
            _serverLock.Release();
        }
    }

    /// <summary>Starts the server again after <see cref="StopServerAsync"/>: same port, same data. Returns once it accepts connections.</summary>
    public async Task StartServerAsync(CancellationToken cancellationToken = default)
    {
        EnsureCanStop();
        await _serverLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsRunning)
                return;
            await StartServerCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _serverLock.Release();
        }
    }

    /// <summary>Stops the server and deletes its folder (local), or drops the databases it created (external).</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.Run(Cleanup).ConfigureAwait(false);
    }

    private void Cleanup()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (IsExternal)
        {
            DropCreatedDatabases();
            return;
        }
        try
        {
            if (IsRunning && Directory.Exists(DataDirectory))
            {
                RunAsync(Path.Combine(_binDirectory!, "pg_ctl"), ["stop", "-D", DataDirectory!, "-m", "fast", "-w", "-t", "30"],
                    _runAsPostgresUser, TimeSpan.FromSeconds(40), CancellationToken.None).GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
            // Best effort: the folder goes anyway, and the watchdog stops a server left behind.
        }
        IsRunning = false;
        TryDeleteFolder(_root!);
        try
        {
            if (_watchdog is { HasExited: false })
                _watchdog.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _watchdog?.Dispose();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Cleanup();

    private void DropCreatedDatabases()
    {
        string[] names;
        lock (_createdDatabases)
            names = [.. _createdDatabases];
        if (names.Length == 0)
            return;
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            foreach (var name in names)
            {
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                command.CommandTimeout = 10;
                command.ExecuteNonQuery();
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // Best effort: the databases carry unique names and do no harm.
        }
    }

    private void EnsureCanStop()
    {
        ObjectDisposedException.ThrowIf(_disposed == 1, this);
        if (IsExternal)
            throw new NotSupportedException(
                $"This PostgreSQL server comes from {ConnectionStringVariable} and is not ours to stop; " +
                "use PostgresCluster.StartLocalAsync() for a test that stops and restarts the server.");
        if (_isShared)
            throw new InvalidOperationException(
                "The shared cluster serves other tests at the same time and cannot be stopped; " +
                "start a private one with PostgresCluster.StartLocalAsync() (and dispose it) for a stop/start test.");
    }

    private async Task StartServerCoreAsync(CancellationToken cancellationToken)
    {
        var settings = string.Join(' ', (string[])[
            "-c listen_addresses=127.0.0.1",
            $"-p {Port}",
            $"-k {_root}",
            "-c fsync=on",
            "-c max_connections=300",
            "-c shared_buffers=128MB",
            "-c max_wal_size=1GB",
            "-c log_min_messages=warning",
            "-c log_min_error_statement=panic",
            "-c log_connections=off",
            "-c timezone=UTC",
            .. _extraSettings.Select(setting => $"-c {setting}")]);
        await PgCtlAsync(
            ["start", "-D", DataDirectory!, "-l", Path.Combine(_root!, "server.log"), "-w", "-t", "60", "-o", settings],
            cancellationToken).ConfigureAwait(false);
        await WaitUntilReadyAsync(ReadyTimeout, cancellationToken).ConfigureAwait(false);
        IsRunning = true;
    }

    private async Task PgCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(Path.Combine(_binDirectory!, "pg_ctl"), arguments, _runAsPostgresUser, TimeSpan.FromSeconds(90), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{e.Message}{Environment.NewLine}server.log (end):{Environment.NewLine}{LogTail()}", e);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when ((e is NpgsqlException or SocketException or TimeoutException) && deadline.Elapsed < timeout)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL at {Host}:{Port} did not accept connections within {timeout.TotalSeconds:0} s: {e.Message}" +
                    (IsExternal ? "" : $"{Environment.NewLine}server.log (end):{Environment.NewLine}{LogTail()}"), e);
            }
        }
    }

    // If the test process dies without running ProcessExit (killed), stop the server and remove the folder anyway.
    private void StartWatchdog()
    {
        var stop = $"{Quote(Path.Combine(_binDirectory!, "pg_ctl"))} stop -D {Quote(DataDirectory!)} -m immediate";
        if (_runAsPostgresUser)
            stop = RunUser() is { } runuser ? $"{runuser} -u {OsUser} -- {stop}" : $"su {OsUser} -s /bin/sh -c {Quote(stop)}";
        var script =
            "exec </dev/null >/dev/null 2>&1; " +
            $"while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
            $"if [ -d {Quote(DataDirectory!)} ]; then {stop}; rm -rf {Quote(_root!)}; fi";
        var useSetsid = File.Exists("/usr/bin/setsid");
        var start = new ProcessStartInfo(useSetsid ? "/usr/bin/setsid" : "/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (useSetsid)
            start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        try
        {
            _watchdog = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No shell: ProcessExit and dispose still stop the server.
        }
    }

    private static string? RunUser() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists);

    private static async Task InitDbAsync(string binDirectory, string root, bool runAsPostgresUser, CancellationToken cancellationToken)
    {
        var initdb = Path.Combine(binDirectory, "initdb");
        var data = Path.Combine(root, "data");
        string[] common = ["-D", data, "-A", "trust", "-U", SuperUser, "-E", "UTF8", "--no-sync", "--no-instructions"];
        try
        {
            await RunAsync(initdb, [.. common, "--locale=C.UTF-8"], runAsPostgresUser, TimeSpan.FromSeconds(120), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // A machine without the C.UTF-8 locale: plain C works everywhere.
            await RunAsync(initdb, [.. common, "--locale=C"], runAsPostgresUser, TimeSpan.FromSeconds(120), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static string FindBinDirectory()
    {
        static bool HasBinaries(string? dir) =>
            !string.IsNullOrEmpty(dir) && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        if (Environment.GetEnvironmentVariable(BinDirectoryVariable) is { Length: > 0 } configured)
            return HasBinaries(configured)
                ? configured
                : throw new InvalidOperationException($"{BinDirectoryVariable}={configured} holds no initdb/pg_ctl.");

        if (HasBinaries("/usr/lib/postgresql/15/bin"))
            return "/usr/lib/postgresql/15/bin";
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => HasBinaries(c.Dir))
                .OrderByDescending(c => c.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
                return newest.Dir;
        }
        try
        {
            var fromPgConfig = RunAsync("pg_config", ["--bindir"], false, TimeSpan.FromSeconds(10), CancellationToken.None)
                .GetAwaiter().GetResult().Trim();
            if (HasBinaries(fromPgConfig))
                return fromPgConfig;
        }
        catch (InvalidOperationException)
        {
            // No pg_config on the PATH.
        }
        throw new InvalidOperationException(
            "PostgreSQL binaries not found (looked in /usr/lib/postgresql/*/bin and pg_config --bindir). " +
            $"Install postgresql-15 (apt-get install -y postgresql-15), set {BinDirectoryVariable}, " +
            $"or point {ConnectionStringVariable} at a running server.");
    }

    private static bool IsRoot() => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
        ? Environment.UserName == "root" || RunIdU() == "0"
        : false;

    private static string RunIdU()
    {
        try
        {
            return RunAsync("id", ["-u"], false, TimeSpan.FromSeconds(10), CancellationToken.None).GetAwaiter().GetResult().Trim();
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    private static async Task EnsureOsUserAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync("id", ["-u", OsUser], false, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            await RunAsync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/bin/sh", OsUser],
                false, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<string> RunAsync(
        string fileName, IReadOnlyList<string> arguments, bool asPostgresUser, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (!asPostgresUser)
        {
            start.FileName = fileName;
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
        }
        else if (RunUser() is { } runuser)
        {
            start.FileName = runuser;
            foreach (var argument in (string[])["-u", OsUser, "--", fileName, .. arguments])
                start.ArgumentList.Add(argument);
        }
        else
        {
            start.FileName = "su";
            foreach (var argument in (string[])[OsUser, "-s", "/bin/sh", "-c", string.Join(' ', arguments.Prepend(fileName).Select(Quote))])
                start.ArgumentList.Add(argument);
        }
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment.Remove("PGDATA");

        var commandLine = $"{start.FileName} {string.Join(' ', start.ArgumentList)}";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run {commandLine}: {e.Message}", e);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{commandLine} did not finish within {timeout.TotalSeconds:0} s.");
        }
        if (process.ExitCode != 0)
        {
            var output = new StringBuilder().Append(await stdout.ConfigureAwait(false)).Append(await stderr.ConfigureAwait(false)).ToString().Trim();
            throw new InvalidOperationException($"{commandLine} failed with exit code {process.ExitCode}: {output}");
        }
        return await stdout.ConfigureAwait(false);
    }

    private string LogTail()
    {
        try
        {
            var log = Path.Combine(_root!, "server.log");
            if (!File.Exists(log))
                return "(no server.log)";
            var lines = File.ReadAllLines(log);
            return string.Join(Environment.NewLine, lines.TakeLast(20));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(server.log unreadable: {e.Message})";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DatabaseName(string? prefix)
    {
        var clean = new string((prefix ?? "test").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()).Trim('_');
        if (clean.Length == 0 || char.IsAsciiDigit(clean[0]))
            clean = "t_" + clean;
        if (clean.Length > 40)
            clean = clean[..40];
        return $"{clean}_{Guid.NewGuid():N}"[..Math.Min(clean.Length + 1 + 16, 63)];
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temp folder.
        }
    }

    // Marks the process-wide instance so that stopping it (which would break parallel tests) is refused.
    internal PostgresCluster AsShared()
    {
        _isShared = true;
        return this;
    }
}
