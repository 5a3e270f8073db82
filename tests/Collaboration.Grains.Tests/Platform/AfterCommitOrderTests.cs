using Collaboration.Grains.Colloque;
using Collaboration.Grains.Platform;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Tests.Platform;

/// <summary>
/// An effect goes out only once a write that carries it has committed. In a reentrant grain a call can record an effect
/// while an earlier write is still in the provider; that earlier write's commit must neither deliver the new effect nor
/// report it committed — if the grain's node died before the second write, the change (and so its effect) never happened.
/// </summary>
public sealed class AfterCommitOrderTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly EffectSteps _steps = new();
    private GatedGrainStorage _gate = null!;
    private readonly GrainsSilo _silo;

    public AfterCommitOrderTests() => _silo = new GrainsSilo((silo, configuration) =>
    {
        GatedGrainStorage.Install(silo, configuration, gate => _gate = gate);
        silo.Services.AddSingleton<ICrashPoints>(_steps);
    });

    public Task InitializeAsync() => _silo.InitializeAsync();

    public Task DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task AnEffectRecordedWhileAnEarlierWriteIsInFlight_GoesOutOnlyAfterItsOwnWriteCommits()
    {
        // Arrange: the first sign-up's write is held in the provider.
        var colloque = Guid.NewGuid();
        var signups = _silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque);
        await signups.GetProgrammeAsync(); // activated (its state read) before the gate closes
        _gate.Hold = signups.GetGrainId();
        var first = signups.SignUpAsync(new("PREMIER1", "", AttendeeCategory.CommunityOrganisation, SignupChannel.Organiser, []));
        await Poll.UntilAsync(() => Task.FromResult(_gate.Waiting == 1), Timeout, "the first write held in the provider");

        // Act: a second sign-up records its notice while the first write is in flight (its own write queues behind it);
        // then the first write commits.
        var second = signups.SignUpAsync(new("SECOND22", "", AttendeeCategory.CommunityOrganisation, SignupChannel.Organiser, []));
        var pending = _silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<PendingEffects>();
        await Poll.UntilAsync(() => Task.FromResult(pending.CountOf(e => e is TellPlace { Code: "SECOND22" }) == 1), Timeout,
            "the second notice recorded (its call now waits for its write)");
        _gate.Release();
        await first.WaitAsync(Timeout);
        await Poll.UntilAsync(() => Task.FromResult(_gate.Waiting == 1), Timeout, "the second write held in the provider");

        // Assert: the first write's commit sent the first notice, not the second one, nor called it committed.
        Assert.True(Told("PREMIER1", CrashPoint.Committed));
        Assert.False(Told("SECOND22", CrashPoint.Committed), "the second notice was reported committed with a write that did not carry it");
        Assert.False(Told("SECOND22", CrashPoint.Delivering), "the second notice went out before the write that carries it committed");

        // Once its own write commits, it goes out.
        _gate.Hold = null;
        _gate.Release(10);
        await second.WaitAsync(Timeout);
        await Poll.UntilAsync(() => Task.FromResult(Told("SECOND22", CrashPoint.Delivering)), Timeout, "the second notice delivered after its write");
        Assert.True(Told("SECOND22", CrashPoint.Committed));
    }

    private bool Told(string code, CrashPoint point) => _steps.At(point).OfType<TellPlace>().Any(t => t.Code == code);
}
