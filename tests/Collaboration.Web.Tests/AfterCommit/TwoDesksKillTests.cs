using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Colloque;
using Collaboration.Testing;
using Collaboration.Web.Tests.Cluster;
using Collaboration.Web.Tests.Live;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.AfterCommit;

/// <summary>
/// The colloque's morning on two nodes: a paired desk on each, scanning the same list from opposite ends, and the node
/// that holds the colloque, the registrations and one desk is killed (SIGKILL) in the middle of its desk's scans.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoDesksKillTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(120);
    private const int Attendees = 30;
    private const int ScansBeforeKill = 8;

    private static readonly (string Key, string? Value)[] FastRedrive =
    [
        ("Effects:RedrivePeriod", "00:00:02"),
        ("Effects:RetryMaxDelay", "00:00:01"),
        ("Orleans:ReminderOptions:MinimumReminderPeriod", "00:00:01"),
    ];

    [Fact]
    public async Task NodeKilledMidScan_EveryAcknowledgedArrivalShowsOnTheSurvivor_AndNoBadgeIsAdmittedTwice()
    {
        // Arrange: the victim holds the colloque and its registrations (they were made there); a desk paired on each node.
        var database = await postgres.CreateDatabaseAsync("kill_two_desks");
        await using var survivor = new ConcertationFactory(database, false, services =>
            services.Configure<ClusterMembershipOptions>(FailureDetection.Fast), FastRedrive);
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, StartTimeout, FastRedrive);
        var (onVictim, _) = await victim.SignInOrganiserAsync(Timeout);
        var colloque = await CreateColloqueAsync(onVictim);
        var codes = new List<string>();
        for (var i = 0; i < Attendees; i++) codes.Add(await RegisterAsync(onVictim, colloque, $"Personne {i}", email: $"p{i}@exemple.qc.ca"));
        var (_, pairing) = await CreateDeskAsync(onVictim, colloque, "Accueil A");
        using var deskA = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = victim.Address };
        deskA.DefaultRequestHeaders.Add("X-CSRF", "1");
        var paired = await deskA.PostAsJsonAsync("/api/desks/pair", new { pairingCode = pairing }).WaitAsync(Timeout);
        paired.EnsureSuccessStatusCode();
        deskA.DefaultRequestHeaders.Add("Cookie", string.Join("; ", paired.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var organiserOnSurvivor = await survivor.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var deskB = await PairedDeskAsync(survivor, organiserOnSurvivor, colloque, "Accueil B");

        // Act: desk A scans from the top of the list on the victim, desk B from the bottom on the survivor, at once; the
        // victim is killed once desk A has had some answers (one more scan may be in flight: committed or not, unanswered).
        var admitted = new ConcurrentDictionary<string, ConcurrentBag<string>>(); // code → the desks that were answered "checkedIn"
        var acknowledgedByA = new List<string>();
        var scanA = Task.Run(async () =>
        {
            foreach (var code in codes)
            {
                try
                {
                    var response = await deskA.PostAsJsonAsync($"/api/colloques/{colloque}/checkins", new { code, nonce = $"a-{code}" }).WaitAsync(Timeout);
                    response.EnsureSuccessStatusCode();
                    if (Result(await response.Content.ReadFromJsonAsync<JsonElement>()) == "checkedIn") admitted.GetOrAdd(code, _ => []).Add("A");
                    acknowledgedByA.Add(code);
                    if (acknowledgedByA.Count == ScansBeforeKill) _ = Task.Run(victim.Kill); // mid-scan: the next request is on its way
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException)
                {
                    return; // the victim is gone
                }
            }
        });
        var scanB = Task.Run(async () =>
        {
            foreach (var code in Enumerable.Reverse(codes))
            {
                // Through the failover the same scan (same nonce) is sent again until answered, as the desk's queue does.
                var answer = await Poll.UntilAsync(async () => await deskB.PostAsJsonAsync($"/api/colloques/{colloque}/checkins",
                    new { code, nonce = $"b-{code}" }), r => r.IsSuccessStatusCode, FailoverDeadline, $"{code} scanned at desk B");
                var result = Result(await answer.Content.ReadFromJsonAsync<JsonElement>());
                Assert.Contains(result, new[] { "checkedIn", "alreadyCheckedIn" });
                if (result == "checkedIn") admitted.GetOrAdd(code, _ => []).Add("B");
            }
        });
        await Task.WhenAll(scanA, scanB).WaitAsync(FailoverDeadline * 2);
        Assert.True(victim.HasExited);
        Assert.InRange(acknowledgedByA.Count, ScansBeforeKill, Attendees);

        // Assert: no badge admitted twice — at most one "checkedIn" answer each, and each registration checked in once.
        Assert.All(admitted, a => Assert.Single(a.Value));
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        var views = await Task.WhenAll(codes.Select(c => grains.GetGrain<IRegistrationGrain>(c).GetAsync()));
        Assert.All(views, v => Assert.Equal(1, v!.CheckInVersion));
        // A re-scan of every badge desk A admitted before the kill, now on the survivor, says "already checked in".
        foreach (var code in acknowledgedByA)
            Assert.Equal("alreadyCheckedIn", Result(await ScanAsync(deskB, colloque, code)));

        // Every acknowledged arrival is on the survivor's dashboard (its figures and its list), each once, without a rebuild.
        var stats = await Poll.UntilAsync(() => organiserOnSurvivor.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats"),
            s => s.GetProperty("arrived").GetInt32() == Attendees, FailoverDeadline, "every arrival in the survivor's figures");
        var byDesk = stats.GetProperty("byDesk").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("count").GetInt32());
        Assert.Equal(Attendees, byDesk.Values.Sum());
        Assert.InRange(byDesk.GetValueOrDefault("Accueil A"), admitted.Count(a => a.Value.Contains("A")), Attendees);
        Assert.InRange(byDesk.GetValueOrDefault("Accueil B"), admitted.Count(a => a.Value.Contains("B")), Attendees);
        var list = await organiserOnSurvivor.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/attendees").WaitAsync(Timeout);
        Assert.All(list.GetProperty("attendees").EnumerateArray(), a => Assert.NotEqual(JsonValueKind.Null, a.GetProperty("checkedInAt").ValueKind));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a repeat delivered late would show now
        var settled = await organiserOnSurvivor.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats").WaitAsync(Timeout);
        Assert.Equal(Attendees, settled.GetProperty("arrived").GetInt32());
    }

    private static string Result(JsonElement answer) => answer.GetProperty("result").GetString()!;
}
