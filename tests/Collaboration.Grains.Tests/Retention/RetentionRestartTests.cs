using Collaboration.Grains.Participation;
using Collaboration.Grains.Retention;
using Collaboration.Grains.Workshops;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Tests.Retention;

/// <summary>
/// Retention across a silo restart, on a real silo over one SQLite file and a clock started two years and more in the past:
/// the run decided before the stop is delivered by the next silo (its after-commit effects were in the stored state), and is
/// never decided again.
/// </summary>
public sealed class RetentionRestartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunDecidedBeforeARestart_IsDeliveredAfterIt_Once()
    {
        // Arrange: a session held 800 days ago (the clock moves up to the real time, never past it).
        using var file = new TempSqliteFile();
        var clock = new ShiftedClock(-TimeSpan.FromDays(800));
        void Services(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);
        var id = Guid.NewGuid();
        var subject = EventSubject.Workshop(id).Key;
        await using (var first = await SiloTestHost.StartSqliteAsync(file.Path, Services))
        {
            await HeldSession.ArrangeAsync(first.Grains, id, clock.GetUtcNow(), Timeout);

            // Act 1: 799 days later the run decides, and the silo stops at once.
            clock.Advance(TimeSpan.FromDays(799));
            var decided = await first.Grains.GetGrain<IRetentionGrain>("default").RunAsync(RetentionTrigger.Automatic).WaitAsync(Timeout);
            Assert.Contains(decided, i => i.Subject == subject);
        }

        // Act 2: another silo on the same storage.
        await using var second = await SiloTestHost.StartSqliteAsync(file.Path, Services);
        var retention = second.Grains.GetGrain<IRetentionGrain>("default");
        var again = await retention.RunAsync(RetentionTrigger.Automatic).WaitAsync(Timeout);

        // Assert: delivered there (the contact data gone, the counts kept), decided once, logged once.
        await HeldSession.AssertAnonymisedAsync(second.Grains, id, Timeout);
        Assert.DoesNotContain(again, i => i.Subject == subject && i.Kind == RetentionKind.WorkshopRegistrations);
        var line = Assert.Single((await retention.GetAsync().WaitAsync(Timeout)).Log, l => l.Subject == subject);
        await Poll.UntilAsync(async () => (await retention.GetAsync()).Log.Single(l => l.Subject == subject).CompletedAt is not null, Timeout, "the log line completed");
        Assert.Equal(3, line.Records);
    }
}
