using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Workshops;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Xunit.Abstractions;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>
/// Two web nodes on one PostgreSQL; one of them, in an OS process of its own, is killed (SIGKILL)
/// while the other keeps writing to the grains it hosted.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSiloFailoverTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(90);
    private const int WritesBeforeKill = 20;
    private const int WritesAfterKill = 15;
    private const int AgendaWriters = 2;

    [Fact]
    public async Task KilledSilo_GrainsComeBackOnTheSurvivor_NoAcknowledgedWriteIsLost_AndLiveClientsMissNothing()
    {
        // Arrange: node S in this process (the survivor, with shorter failure detection), node V in
        // its own process (the victim); one cluster on one database.
        var database = await postgres.CreateDatabaseAsync("failover");
        await using var survivor = new ConcertationFactory(database, kestrel: true, services =>
            services.Configure<ClusterMembershipOptions>(FailureDetection.Fast));
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, Timeout);
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        var membership = survivor.Services.GetRequiredService<IClusterMembershipService>();
        var survivorSilo = survivor.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var victimSilo = (await Poll.UntilAsync(
            () => Task.FromResult(ActiveSilos(membership).Where(s => !s.Equals(survivorSilo)).ToList()),
            others => others.Count == 1, Timeout, "the survivor sees the victim's silo as active"))[0];
        await ClusterWait.UntilHubsRegisteredAsync(grains, 2).WaitAsync(Timeout);

        // A meeting and a workshop session created through the victim, and hosted by it.
        var (victimHttp, cookie) = await victim.SignInOrganiserAsync(CallTimeout);
        var table = await CreateTableAsync(victimHttp);
        var management = grains.GetGrain<IManagementGrain>(0);
        var meetingId = await HostedByAsync(victimSilo, management, async () =>
        {
            var id = await CreateMeetingAsync(victimHttp, table);
            return (id, grains.GetGrain<IMeetingGrain>(id));
        });
        var sessionId = await HostedByAsync(victimSilo, management, async () =>
        {
            var id = await CreateSessionAsync(victimHttp);
            return (id, grains.GetGrain<IWorkshopSessionGrain>(id));
        });
        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        var session = grains.GetGrain<IWorkshopSessionGrain>(sessionId);
        var topic = $"meeting:{meetingId}";
        // The victim's relay knows the survivor's hub before the strict no-gap checks begin.
        var hubOfS = new Uri(survivor.ServerAddress, "/hubs/live").ToString();
        await LiveWarmUp.UntilDeliveredAsync(hubOfS, cookie, topic, async () =>
            (await meeting.AddAgendaItemAsync(Guid.NewGuid(), new AgendaItemInput("Mot de bienvenue", "", 5, "")).WaitAsync(CallTimeout)).Version);

        // One live client on each node, subscribed to the meeting.
        await using var onSurvivor = await NodeHubClient.ConnectAsync(hubOfS, cookie);
        var survivorFrom = (await onSurvivor.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout)).GetProperty("version").GetInt64();
        await using var onVictim = await NodeHubClient.ConnectAsync(new Uri(victim.Address, "/hubs/live").ToString(), cookie);
        var victimFrom = (await onVictim.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout)).GetProperty("version").GetInt64();

        // Load through the survivor: agenda items on the meeting, registrations on the session.
        var load = new FailoverLoad(WritesAfterKill);
        var writers = new[]
        {
            load.RunAsync("agenda", async n =>
                (await meeting.AddAgendaItemAsync(n.Id, new AgendaItemInput($"Point {n.Number}", "", 5, "")).WaitAsync(CallTimeout)).Applied),
            load.RunAsync("agenda", async n =>
                (await meeting.AddAgendaItemAsync(n.Id, new AgendaItemInput($"Point {n.Number}", "", 5, "")).WaitAsync(CallTimeout)).Applied),
            load.RunAsync("registration", async n =>
                (await session.RegisterAsync(Registration(n.Code)).WaitAsync(CallTimeout)).Result == RegistrationResult.Ok),
            load.RunAsync("registration", async n =>
                (await session.RegisterAsync(Registration(n.Code)).WaitAsync(CallTimeout)).Result == RegistrationResult.Ok),
        };
        await Poll.UntilAsync(() => Task.FromResult(load.Acknowledged("agenda") >= WritesBeforeKill && load.Acknowledged("registration") >= WritesBeforeKill),
            Timeout, "the load is running on both grains");

        // Act: kill the victim's process during the load.
        var sinceKill = Stopwatch.StartNew();
        victim.Kill();
        load.MarkKilled();
        var declaredDead = Poll.UntilAsync(() => Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(victimSilo) == SiloStatus.Dead),
            FailoverDeadline, "the survivor declares the victim dead").ContinueWith(_ => sinceKill.Elapsed, TaskScheduler.Default);
        await onVictim.WaitForStateAsync("reconnecting", Timeout);
        var victimSeen = Versions(onVictim, topic);
        await Task.WhenAll(writers).WaitAsync(FailoverDeadline);

        // Assert: the victim's grains live on the survivor now, and every acknowledged write is in their state.
        output.WriteLine($"Victim declared dead {(await declaredDead.WaitAsync(FailoverDeadline)).TotalSeconds:0.0} s after the kill; "
            + $"first acknowledged write after the kill: agenda {load.FirstAfterKill("agenda").TotalSeconds:0.0} s, "
            + $"registration {load.FirstAfterKill("registration").TotalSeconds:0.0} s; errors meanwhile: {load.ErrorSummary()}");
        Assert.Equal(survivorSilo, await management.GetActivationAddress(meeting).AsTask().WaitAsync(CallTimeout));
        Assert.Equal(survivorSilo, await management.GetActivationAddress(session).AsTask().WaitAsync(CallTimeout));
        var view = (await meeting.GetAsync().WaitAsync(CallTimeout))!;
        Assert.Empty(load.AcknowledgedIds("agenda").Except(view.Agenda.Select(a => a.Id)));
        var registrants = await session.GetRegistrantsAsync().WaitAsync(CallTimeout);
        Assert.Empty(load.AcknowledgedCodes("registration").Except(registrants.Select(r => r.Code)));
        Assert.Equal(registrants.Count, registrants.Select(r => r.Code).Distinct().Count());

        // The client on the survivor got every version once, in order, across the failover.
        await onSurvivor.WaitForEventAsync(e => e.GetProperty("topic").GetString() == topic && e.GetProperty("version").GetInt64() == view.Version, Timeout);
        Assert.Equal(Range(survivorFrom, view.Version), Versions(onSurvivor, topic));

        // The client of the dead node had a gapless stream until the kill; on the survivor, from its last version, it gets exactly what it missed.
        var lastSeen = victimSeen.Count > 0 ? victimSeen[^1] : victimFrom;
        Assert.Equal(Range(victimFrom, lastSeen), victimSeen);
        await using var reconnected = await NodeHubClient.ConnectAsync(hubOfS, cookie);
        var replay = await reconnected.InvokeAsync("Subscribe", topic, lastSeen).WaitAsync(CallTimeout);
        Assert.Equal(view.Version, replay.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Null, replay.GetProperty("snapshot").ValueKind);
        Assert.Equal(Range(lastSeen, view.Version), replay.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
        // Each of the two agenda writers may have one write the victim committed (and pushed) whose answer arrived just after the kill mark.
        Assert.True(view.Version - lastSeen >= WritesAfterKill - AgendaWriters,
            $"the reconnected client missed the writes made during the failover: v{lastSeen} seen, v{view.Version} now ({load.ErrorSummary()})");
    }

    /// <summary>
    /// Creates grains through <paramref name="create"/> (requests to the victim's API) until one is
    /// hosted by <paramref name="silo"/>. The victim runs with Orleans:Placement=PreferLocal, so the
    /// first one is; the check stays, so a placement change fails here and says why.
    /// </summary>
    private static async Task<Guid> HostedByAsync(SiloAddress silo, IManagementGrain management, Func<Task<(Guid Id, IAddressable Grain)>> create)
    {
        const int attempts = 20;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var (id, grain) = await create();
            if (silo.Equals(await management.GetActivationAddress(grain).AsTask().WaitAsync(CallTimeout))) return id;
        }
        throw new InvalidOperationException($"None of {attempts} grains created through {silo} was placed there.");
    }

    private static async Task<Guid> CreateSessionAsync(HttpClient organiser)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(7);
        var response = await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier pendant la panne", titleEn = "Workshop during the outage", startsAt = starts, endsAt = starts.AddHours(2),
            place = "Joliette", capacity = 10_000,
        }).WaitAsync(CallTimeout);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static RegistrationRequest Registration(string code) =>
        new(code, $"hash-{code}", $"Entreprise {code}", "Mélanie Côté", $"{code.ToLowerInvariant()}@exemple.qc.ca", null, 1, "Alimentation", true);

    private static IEnumerable<SiloAddress> ActiveSilos(IClusterMembershipService membership) =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);

    private static List<long> Versions(NodeHubClient client, string topic) =>
        [.. client.Events.Where(e => e.GetProperty("topic").GetString() == topic).Select(e => e.GetProperty("version").GetInt64())];

    /// <summary>The versions after <paramref name="after"/> up to <paramref name="upTo"/>.</summary>
    private static List<long> Range(long after, long upTo) => [.. Enumerable.Range(1, (int)(upTo - after)).Select(i => after + i)];
}
