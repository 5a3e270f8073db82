using Collaboration.Silo.Hosting;
using Npgsql;

namespace Collaboration.Web.Meetings;

/// <summary>
/// The document store of the node's database (<c>Storage:Provider</c>), and its tables created at start: PostgreSQL's by
/// the schema migrations (the silo applies them before anything else runs), SQLite's here.
/// </summary>
public sealed class MeetingDocumentTables(IMeetingDocumentStore store) : IHostedService
{
    public static IMeetingDocumentStore CreateStore(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var clock = services.GetRequiredService<TimeProvider>();
        return StorageProvider.IsPostgres(configuration)
            ? new PostgresMeetingDocumentStore(services.GetRequiredService<NpgsqlDataSource>(), clock)
            : new SqliteMeetingDocumentStore(configuration.GetConnectionString(StorageProvider.Sqlite) ?? StorageProvider.DefaultSqliteConnectionString, clock);
    }

    public Task StartAsync(CancellationToken cancellationToken) => store.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
