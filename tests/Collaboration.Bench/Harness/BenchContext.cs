using Collaboration.Testing;
using Npgsql;

namespace Collaboration.Bench.Harness;

/// <summary>What the scenarios of one run share: run settings and, when one needs it, a throw-away PostgreSQL.</summary>
internal sealed class BenchContext(bool quick) : IAsyncDisposable
{
    private PostgresCluster? _postgres;

    public bool Quick { get; } = quick;

    /// <summary>What else ran on the machine during the run (<c>--shared "…"</c>), written into the document.</summary>
    public string? SharedMachine { get; init; }

    /// <summary>Orleans' own meters, listened to for the whole run (every silo of the process reports here).</summary>
    public OrleansMeters Meters { get; } = new();

    /// <summary>For CPU-bound, sub-microsecond calls.</summary>
    public RunSettings InMemory { get; } = quick
        ? new RunSettings(TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.5), 3)
        : new RunSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 5);

    /// <summary>For calls that wait on the database.</summary>
    public RunSettings Database { get; } = quick
        ? new RunSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 3)
        : new RunSettings(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6), 5);

    /// <summary>/proc/loadavg when the run started: other work on the machine skews every figure.</summary>
    public string? LoadAtStart { get; } = ReadLoadAverage();

    /// <summary>Facts about the PostgreSQL server, once a scenario started it (name, value).</summary>
    public List<(string Name, string Value)> PostgresFacts { get; } = [];

    /// <summary>A private cluster (initdb in /tmp, 127.0.0.1, fsync=on), started on first use and stopped at the end of the run.</summary>
    public async Task<PostgresCluster> GetPostgresAsync()
    {
        if (_postgres is not null) return _postgres;
        Console.WriteLine("  starting a throw-away PostgreSQL cluster…");
        _postgres = await PostgresCluster.StartLocalAsync(settings: PostgresStatements.Settings);
        var pidFile = Path.Combine(_postgres.DataDirectory!, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var postmaster))
            CpuSampler.PostgresPid = postmaster;
        await using var connection = new NpgsqlConnection(_postgres.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var setting in (string[])["server_version", "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes",
                     "shared_buffers", "max_wal_size", "max_connections"])
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            PostgresFacts.Add((setting, (string)(await command.ExecuteScalarAsync())!));
        }
        return _postgres;
    }

    private static string? ReadLoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        CpuSampler.PostgresPid = null;
        Meters.Dispose();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
