using Collaboration.Silo.Storage.Postgres;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>Orleans' ADO.NET reminder table (invariant Npgsql) over our schema and query texts, driven directly.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTableTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly GrainId Workshop = GrainId.Create("workshop", "session-42");

    private string _connectionString = "";
    private IHost? _host;
    private IReminderTable _table = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync("reminders");
        await PostgresSchema.ApplyAsync(_connectionString).WaitAsync(Timeout);
        _host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering();
                silo.Configure<ClusterOptions>(o => o.ServiceId = "reminders");
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = _connectionString;
                });
            })
            .Build();
        _table = _host.Services.GetRequiredService<IReminderTable>();
        await _table.StartAsync(CancellationToken.None).WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await using (var connection = new NpgsqlConnection(_connectionString))
            NpgsqlConnection.ClearPool(connection);
        await postgres.Cluster.DropDatabaseAsync(_connectionString);
    }

    [Fact]
    public async Task Upsert_ThenRead_ReturnsTheReminder_WithANewETagOnEachUpsert()
    {
        var startAt = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

        var first = await _table.UpsertRow(Reminder("seat-reminder", startAt, TimeSpan.FromHours(1))).WaitAsync(Timeout);
        var second = await _table.UpsertRow(Reminder("seat-reminder", startAt.AddDays(1), TimeSpan.FromDays(40))).WaitAsync(Timeout);
        var read = await _table.ReadRow(Workshop, "seat-reminder").WaitAsync(Timeout)
            ?? throw new Xunit.Sdk.XunitException("The reminder was not found.");
        var ofGrain = await _table.ReadRows(Workshop).WaitAsync(Timeout);

        Assert.NotEqual(first, second);
        Assert.Equal(second, read.ETag);
        Assert.Equal(Workshop, read.GrainId);
        Assert.Equal(startAt.AddDays(1), read.StartAt.ToUniversalTime());
        Assert.Equal(TimeSpan.FromDays(40), read.Period);
        Assert.Single(ofGrain.Reminders);
    }

    [Fact]
    public async Task ReadRange_FindsTheReminder_OnlyInRangesHoldingItsGrainHash()
    {
        await _table.UpsertRow(Reminder("close-registrations", DateTime.UtcNow, TimeSpan.FromMinutes(5))).WaitAsync(Timeout);
        var hash = Workshop.GetUniformHashCode();

        var around = await _table.ReadRows(hash - 1, hash).WaitAsync(Timeout);
        var after = await _table.ReadRows(hash, hash + 1).WaitAsync(Timeout);
        var wrapping = await _table.ReadRows(hash + 1, hash).WaitAsync(Timeout);

        Assert.Single(around.Reminders);
        Assert.Empty(after.Reminders);
        Assert.Single(wrapping.Reminders);
    }

    [Fact]
    public async Task Remove_IsRefused_WithStaleETag_AndRemovesWithTheCurrentOne()
    {
        var stale = await _table.UpsertRow(Reminder("seat-reminder", DateTime.UtcNow, TimeSpan.FromMinutes(5))).WaitAsync(Timeout);
        var current = await _table.UpsertRow(Reminder("seat-reminder", DateTime.UtcNow, TimeSpan.FromMinutes(10))).WaitAsync(Timeout);

        var removedWithStale = await _table.RemoveRow(Workshop, "seat-reminder", stale!).WaitAsync(Timeout);
        var removedWithCurrent = await _table.RemoveRow(Workshop, "seat-reminder", current!).WaitAsync(Timeout);

        Assert.False(removedWithStale);
        Assert.True(removedWithCurrent);
        Assert.Null(await _table.ReadRow(Workshop, "seat-reminder").WaitAsync(Timeout));
    }

    private static ReminderEntry Reminder(string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = Workshop, ReminderName = name, StartAt = startAt, Period = period };
}
