using Npgsql;

namespace Collaboration.Silo.Storage.Postgres;

/// <summary>
/// The Npgsql settings of the connections Orleans' ADO.NET providers (grain storage, clustering) open
/// from <c>ConnectionStrings:Postgres</c>. The providers open a pooled connection per operation, run one
/// fixed query text and close it again, so by default every grain write costs PostgreSQL a fresh parse and
/// plan of our version-checked upsert (a two-statement CTE) and, on the next use of the pooled connection, a
/// <c>DISCARD ALL</c>. With auto-preparation the query is parsed and planned once per physical connection;
/// without the reset the prepared statement survives the return to the pool. Nothing of ours relies on
/// session state on these connections (no temporary tables, <c>SET</c>, <c>LISTEN</c> or session advisory
/// locks: the migrations' lock is transaction-scoped and taken on the silo's own data source), so skipping the
/// reset is safe; a pending transaction is still rolled back by Npgsql when a connection goes back to the pool.
/// And a database that does not answer fails a call within seconds (a clear 503), not after Npgsql's
/// 15 s connect and 30 s command defaults.
/// </summary>
public static class PostgresProviderConnections
{
    /// <summary>Statements prepared per physical connection: the providers use a handful of fixed query texts.</summary>
    public const int MaxAutoPrepare = 32;

    /// <summary>
    /// The connection string the providers get: <paramref name="connectionString"/> with auto-preparation and no reset on
    /// close, unless it sets <c>Max Auto Prepare</c> itself; and short timeouts, unless it sets them.
    /// </summary>
    public static string Tune(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Timeout")) builder.Timeout = 5;
        if (!builder.ContainsKey("Command Timeout")) builder.CommandTimeout = 10;
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }
}
