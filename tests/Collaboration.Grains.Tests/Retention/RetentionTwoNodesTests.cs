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
        await HeldSession.ArrangeAsync(first.Grains, id, clock.GetUtcNow(), Timeout);
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
        await HeldSession.AssertAnonymisedAsync(second.Grains, id, Timeout);
        await Poll.UntilAsync(async () => (await retention.GetAsync()).Log.Single(l => l.Subject == subject).CompletedAt is not null, Timeout, "the log line completed");
        var line = Assert.Single((await retention.GetAsync().WaitAsync(Timeout)).Log, l => l.Subject == subject);
        Assert.Equal(3, line.Records);
    }
}
