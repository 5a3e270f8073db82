using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Platform.Backup;
using Collaboration.Web.Tests.Live;
using Microsoft.Extensions.Configuration;

namespace Collaboration.Web.Tests.Backup;

/// <summary>
/// The documented backup (<see cref="BackupCommand"/>: <c>backup FILE</c> / <c>restore FILE</c>) on both providers,
/// taken while registrations keep coming: restored into a fresh database, a new node started on it finds every
/// registration acknowledged before the backup started. SQLite through its online backup API; PostgreSQL through
/// the real pg_dump and pg_restore.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BackupRestoreTests(PostgresFixture postgres) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const int Before = 25;
    private readonly string _folder = Directory.CreateTempSubdirectory("concertation-backup-").FullName;

    [Fact]
    public async Task Sqlite_BackupDuringLoad_RestoredIntoANewFile_HasEveryWriteAcknowledgedBeforeIt()
    {
        // Arrange: a node on its SQLite file, registrations acknowledged, more coming
        var live = Path.Combine(_folder, "live.db");
        var restored = Path.Combine(_folder, "restored.db");
        var backup = Path.Combine(_folder, "backups", "concertation.db");
        await using (var node = new ConcertationFactory(null, kestrel: true, ("ConnectionStrings:Sqlite", $"Data Source={live}")))
        {
            var (session, acknowledged) = await ArrangeAsync(node);

            // Act: the backup command while registrations go on, then restore into a new file
            var during = await WhileRegisteringAsync(node, session, () => RunAsync("backup", backup, Sqlite(live)));
            Assert.Equal(0, during);
            Assert.Equal(0, await RunAsync("restore", backup, Sqlite(restored)));

            // Assert: a node on the restored file finds every registration acknowledged before the backup
            await using var onRestored = new ConcertationFactory(null, kestrel: true, ("ConnectionStrings:Sqlite", $"Data Source={restored}"));
            await AssertHasAsync(onRestored, session, acknowledged);
        }
    }

    [Fact]
    public async Task Sqlite_Restore_IsRefused_OverAnExistingDatabase()
    {
        // Arrange
        var existing = Path.Combine(_folder, "existing.db");
        await File.WriteAllTextAsync(existing, "");
        var backup = Path.Combine(_folder, "backup.db");
        await File.WriteAllTextAsync(backup, "");

        // Act
        var exit = await RunAsync("restore", backup, Sqlite(existing));

        // Assert
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task Postgres_PgDumpDuringLoad_PgRestoreIntoANewDatabase_HasEveryWriteAcknowledgedBeforeIt()
    {
        // Arrange: a node on PostgreSQL, registrations acknowledged, more coming
        var live = await postgres.CreateDatabaseAsync("backup_live");
        var fresh = await postgres.CreateDatabaseAsync("backup_restored");
        var backup = Path.Combine(_folder, "concertation.dump");
        await using (var node = new ConcertationFactory(live, kestrel: true))
        {
            var (session, acknowledged) = await ArrangeAsync(node);

            // Act: pg_dump while registrations go on; pg_restore into the fresh database
            var during = await WhileRegisteringAsync(node, session, () => RunAsync("backup", backup, Postgres(live)));
            Assert.Equal(0, during);
            Assert.Equal(0, await RunAsync("restore", backup, Postgres(fresh)));

            // Assert: a node on the restored database finds every registration acknowledged before the backup
            await using var onRestored = new ConcertationFactory(fresh, kestrel: true);
            await AssertHasAsync(onRestored, session, acknowledged);

            // …and restoring again over it is refused: never into a database in use
            Assert.Equal(1, await RunAsync("restore", backup, Postgres(fresh)));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static async Task<(Guid Session, List<string> Acknowledged)> ArrangeAsync(ConcertationFactory node)
    {
        using var organiser = await node.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var starts = DateTimeOffset.UtcNow.AddDays(10);
        var created = await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Sauvegarder ses données", titleEn = "Backing up", descriptionFr = "Atelier", descriptionEn = "Workshop",
            startsAt = starts, endsAt = starts.AddHours(2), place = "Terrebonne", capacity = 1000,
        }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var acknowledged = new List<string>();
        using var anonymous = node.CreateClient();
        for (var i = 0; i < Before; i++) acknowledged.Add(await RegisterAsync(anonymous, session, $"avant-{i}"));
        return (session, acknowledged);
    }

    /// <summary>Runs <paramref name="backup"/> while another client keeps registering; its exit code.</summary>
    private static async Task<int> WhileRegisteringAsync(ConcertationFactory node, Guid session, Func<Task<int>> backup)
    {
        using var stop = new CancellationTokenSource();
        using var anonymous = node.CreateClient();
        var loading = new TaskCompletionSource();
        var load = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await RegisterAsync(anonymous, session, $"pendant-{i}");
                loading.TrySetResult();
            }
        });
        try
        {
            await loading.Task.WaitAsync(Timeout); // the load is under way when the backup starts
            return await backup();
        }
        finally
        {
            await stop.CancelAsync();
            await load.WaitAsync(Timeout);
        }
    }

    private static async Task<string> RegisterAsync(HttpClient client, Guid session, string who)
    {
        var email = $"{who}@exemple.qc.ca";
        var response = await client.PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = $"Entreprise {who}", contactName = "Nadia Tremblay", email, seats = 1, sector = "Fabrication", consent = true,
        }).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    private static async Task AssertHasAsync(ConcertationFactory node, Guid session, List<string> acknowledged)
    {
        using var organiser = await node.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var registrants = await organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/registrants").WaitAsync(Timeout);
        var emails = registrants.EnumerateArray().Select(r => r.GetProperty("email").GetString()).ToHashSet();
        Assert.All(acknowledged, email => Assert.Contains(email, emails));
    }

    private static Task<int> RunAsync(string verb, string file, IConfiguration configuration) =>
        BackupCommand.RunAsync([verb, file], configuration, TextWriter.Null).WaitAsync(Timeout);

    private static IConfiguration Sqlite(string file) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["ConnectionStrings:Sqlite"] = $"Data Source={file}",
    }).Build();

    private static IConfiguration Postgres(string connectionString) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = connectionString,
    }).Build();
}
