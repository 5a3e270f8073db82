namespace Collaboration.Testing;

/// <summary>A real SQLite database file in a temp folder, deleted with its WAL files afterwards.</summary>
public sealed class TempSqliteFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("concertation-sqlite-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "grains.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
