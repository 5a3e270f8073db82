namespace Collaboration.Silo.Hosting;

/// <summary>Configuration key <c>Storage:Provider</c>: where grain state (and, on PostgreSQL, membership) lives.</summary>
public static class StorageProvider
{
    public const string Key = "Storage:Provider";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public const string DefaultSqliteConnectionString = "Data Source=concertation.db";

    public static bool IsPostgres(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        string.Equals(Read(configuration), Postgres, StringComparison.OrdinalIgnoreCase);

    public static string Read(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var provider = configuration[Key] ?? Sqlite;
        return string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase) ? Sqlite
            : string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase) ? Postgres
            : throw new InvalidOperationException($"Unknown {Key} '{provider}'; use {Sqlite} or {Postgres}.");
    }
}
