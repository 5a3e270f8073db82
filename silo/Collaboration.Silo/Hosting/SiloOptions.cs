namespace Collaboration.Silo.Hosting;

/// <summary>Settings of the grain host (configuration section "Silo").</summary>
public sealed class SiloOptions
{
    /// <summary>A grain unused for this long is deactivated (Orleans 7+ default: 15 minutes).</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle grains are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a call is re-run on fresh state after a version conflict before it fails.</summary>
    public int MaxConflictRetries { get; set; } = 8;

    /// <summary>Most queued calls on one grain committed in a single write (group commit).</summary>
    public int MaxBatchSize { get; set; } = 256;
}

/// <summary>Which storage provider holds grain state (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public string Provider { get; set; } = Sqlite;
}
