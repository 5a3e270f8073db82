using Collaboration.Grains.Participation;
using Collaboration.Grains.Retention;
using Collaboration.Grains.Workshops;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Tests.Retention;

/// <summary>
/// Retention on two nodes over one PostgreSQL database, on a clock started two years and more in the past: both nodes ask
/// for a run at once, the node that hosted it stops, and the data past its period is still anonymised once, logged once,
/// with the counts kept.
/// </summary>
public sealed class RetentionTwoNodesTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task RunsAskedOnBothNodes_AnonymiseOnce_AndTheSurvivorFinishes()
    {
        // Arrange: two nodes, a session held 800 days ago with three registrations, one of them present.
        var database = await postgres.CreateDatabaseAsync("retention");
        var clock = new ShiftedClock(-TimeSpan.FromDays(800));
        void Services(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);
        await using var first = await SiloTestHost.StartPostgresAsync(database, Services);
        await using var second = await SiloTestHost.StartPostgresAsync(database, Services);
        var id = Guid.NewGuid();
        var subject = EventSubject.Workshop(id).Key;
        var now = clock.GetUtcNow();
        var session = first.Grains.GetGrain<IWorkshopSessionGrain>(id);
        await session.CreateAsync(new WorkshopDetails("Recruter", "Recruiting", "", "", now.AddHours(1), now.AddHours(4), "Joliette", null,
            now.AddDays(-1), now.AddHours(1)), 10).WaitAsync(Timeout);
        await first.Grains.GetGrain<IWorkshopCatalogGrain>("all").AddAsync(id).WaitAsync(Timeout);
        for (var i = 0; i < 3; i++)
            await session.RegisterAsync(new RegistrationRequest($"CODE{i}", $"hash{i}", "Fromagerie", $"Personne {i}", $"p{i}@exemple.qc.ca", null, 1, "Alimentation", true))
                .WaitAsync(Timeout);
        await session.MarkAttendanceAsync("CODE0", true).WaitAsync(Timeout);
        clock.Advance(TimeSpan.FromDays(799));

        // Act: a run asked on each node at the same moment; then the first node stops, and the second asks again.
        var runs = await Task.WhenAll(
            first.Grains.GetGrain<IRetentionGrain>("default").RunAsync(RetentionTrigger.Automatic),
            second.Grains.GetGrain<IRetentionGrain>("default").RunAsync(RetentionTrigger.Automatic)).WaitAsync(Timeout);
        await first.DisposeAsync();
        var retention = second.Grains.GetGrain<IRetentionGrain>("default");
        var again = await Poll.UntilAsync(() => retention.RunAsync(RetentionTrigger.Automatic), _ => true, Timeout, "a run on the survivor");

        // Assert: decided by exactly one of the two runs, never again, delivered (contact data gone, counts kept), logged once.
        Assert.Equal(1, runs.Count(r => r.Any(i => i.Subject == subject && i.Kind == RetentionKind.WorkshopRegistrations)));
        Assert.DoesNotContain(again, i => i.Subject == subject && i.Kind == RetentionKind.WorkshopRegistrations);
        var registrants = second.Grains.GetGrain<IWorkshopSessionGrain>(id);
        await Poll.UntilAsync(async () => (await registrants.GetRegistrantsAsync()).All(r => r.Anonymised), Timeout, "the registrations anonymised");
        var after = await registrants.GetRegistrantsAsync().WaitAsync(Timeout);
        Assert.Equal(3, after.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(1, after.Count(r => r.Attended == true));
        Assert.All(after, r => Assert.Equal("", r.Email));
        await Poll.UntilAsync(async () => (await retention.GetAsync()).Log.Single(l => l.Subject == subject).CompletedAt is not null, Timeout, "the log line completed");
        var line = Assert.Single((await retention.GetAsync().WaitAsync(Timeout)).Log, l => l.Subject == subject);
        Assert.Equal(3, line.Records);
    }
}
