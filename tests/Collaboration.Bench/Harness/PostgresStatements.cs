using System.Globalization;
using System.Text;
using Npgsql;

namespace Collaboration.Bench.Harness;

/// <summary>
/// What PostgreSQL executed per operation, from <c>pg_stat_statements</c> (<c>BENCH_PG_STATEMENTS=1</c> preloads it in the
/// bench's throw-away cluster): which statements a registration costs, how often, and their time inside the server.
/// </summary>
internal static class PostgresStatements
{
    public static bool Enabled => Environment.GetEnvironmentVariable("BENCH_PG_STATEMENTS") is { Length: > 0 };

    /// <summary>The server settings that preload the extension.</summary>
    public static IReadOnlyList<string> Settings => Enabled ? ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all"] : [];

    public static async Task ResetAsync(string connectionString)
    {
        if (!Enabled) return;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The statements of <paramref name="connectionString"/>'s database since the reset, per operation, as a Markdown table.</summary>
    public static async Task<string> ReportAsync(string connectionString, int operations)
    {
        if (!Enabled) return "";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT left(regexp_replace(query, '\s+', ' ', 'g'), 110), calls, total_exec_time, rows, shared_blks_hit + shared_blks_read, wal_bytes
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC LIMIT 15
            """, connection);
        var table = new StringBuilder("| statement | calls per operation | ms inside the server per operation | rows | blocks | WAL bytes per operation |\n|---|---:|---:|---:|---:|---:|\n");
        double Per(double value) => value / operations;
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                table.Append(CultureInfo.InvariantCulture,
                    $"| `{reader.GetString(0).Replace("|", "\\|")}` | {Per(reader.GetInt64(1)):0.00} | {Per(reader.GetDouble(2)):0.000} | {Per(reader.GetInt64(3)):0.00} | {Per(reader.GetInt64(4)):0.0} | {Per((double)reader.GetDecimal(5)):0} |\n");
        // What the rows hold, by grain type: the payload's own size and what PostgreSQL stores of it (compressed or not).
        await using var sizes = new NpgsqlCommand("""
            SELECT grain_type, count(*), coalesce(avg(octet_length(payload)), 0), coalesce(avg(pg_column_size(payload)), 0), sum(version)
            FROM orleans_grain_state GROUP BY grain_type ORDER BY sum(version) DESC LIMIT 10
            """, connection);
        table.Append("\n| grain type | rows | payload bytes (average) | stored bytes (average) | versions written |\n|---|---:|---:|---:|---:|\n");
        await using var rows = await sizes.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            table.Append(CultureInfo.InvariantCulture,
                $"| {rows.GetString(0)} | {rows.GetInt64(1)} | {rows.GetDecimal(2):0} | {rows.GetDecimal(3):0} | {rows.GetInt64(4)} |\n");
        return table.ToString();
    }
}
