using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Colloque;
using Collaboration.Testing;
using Collaboration.Web.Platform;
using Collaboration.Web.Tests.Cluster;
using Collaboration.Web.Tests.Live;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.AfterCommit;

/// <summary>
/// Two nodes on one PostgreSQL; the node holding a registration kills itself (SIGKILL, <c>Testing:CrashAt</c>) at a
/// step of the after-commit path: just after the change committed, while the effect is being delivered, or after the
/// receiver wrote but before the acknowledgement is recorded. On the survivor — woken by the grain's reminder, not by
/// a request, and without any rebuild — every receiver reflects every committed change exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AfterCommitKillTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(120);
    private const int Attendees = 12;

    private static readonly (string Key, string? Value)[] FastRedrive =
    [
        ("Effects:RedrivePeriod", "00:00:02"),
        ("Effects:RetryMaxDelay", "00:00:01"),
        ("Orleans:ReminderOptions:MinimumReminderPeriod", "00:00:01"),
    ];

    [Theory]
    [InlineData(nameof(Grains.Platform.CrashPoint.Committed))]
    [InlineData(nameof(Grains.Platform.CrashPoint.Delivering))]
    [InlineData(nameof(Grains.Platform.CrashPoint.Delivered))]
    public async Task NodeKilledWhileACheckInGoesToTheFigures_EveryArrivalCountsOnce_WithoutRebuild(string point)
    {
        // Arrange: the survivor in this process; the victim in its own, set to die the first time an arrival is delivered.
        var database = await postgres.CreateDatabaseAsync("kill_arrival");
        await using var survivor = new ConcertationFactory(database, false, services =>
            services.Configure<ClusterMembershipOptions>(FailureDetection.Fast), FastRedrive);
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, Timeout,
            [.. FastRedrive, ("ASPNETCORE_ENVIRONMENT", "Staging"), (ProcessCrashPoints.Setting, $"{point}:{nameof(ApplyArrival)}")]);
        var (onVictim, _) = await victim.SignInOrganiserAsync(Timeout);
        var colloque = await CreateColloqueAsync(onVictim);
        var codes = new List<string>();
        for (var i = 0; i < Attendees; i++) codes.Add(await RegisterAsync(onVictim, colloque, $"Personne {i}", email: $"p{i}@exemple.qc.ca"));

        // Act: the victim's desk scans until the victim dies; the survivor's desk scans the rest (and the victim's again).
        var acknowledged = new List<string>();
        foreach (var code in codes)
        {
            try
            {
                var response = await onVictim.PostAsJsonAsync($"/api/colloques/{colloque}/checkins", new { code, nonce = $"a-{code}" }).WaitAsync(Timeout);
                if (response.IsSuccessStatusCode) acknowledged.Add(code);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                break; // the victim is gone
            }
        }
        await Poll.UntilAsync(() => Task.FromResult(victim.HasExited), Timeout, "the victim killed itself at " + point);
        var onSurvivor = await survivor.CreateOrganiserClientAsync().WaitAsync(Timeout);
        foreach (var code in codes)
        {
            var answer = await Poll.UntilAsync(async () => await onSurvivor.PostAsJsonAsync($"/api/colloques/{colloque}/checkins",
                new { code, nonce = $"b-{code}" }), r => r.IsSuccessStatusCode, FailoverDeadline, $"{code} scanned on the survivor");
            var result = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString();
            Assert.Contains(result, new[] { "checked-in", "already-checked-in" });
        }

        // Assert: every registration is checked in once, and the figures count each once — without a rebuild.
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        var views = await Task.WhenAll(codes.Select(c => grains.GetGrain<IRegistrationGrain>(c).GetAsync()));
        Assert.All(views, v => Assert.Equal(1, v!.CheckInVersion));
        Assert.InRange(acknowledged.Count, 0, 1); // the victim died at its first arrival
        var stats = await Poll.UntilAsync(() => onSurvivor.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats"),
            s => s.GetProperty("arrived").GetInt32() == Attendees, FailoverDeadline, "every arrival in the figures");
        Assert.Equal(Attendees, stats.GetProperty("byDesk").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a repeat delivered late would show now
        var settled = await onSurvivor.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats");
        Assert.Equal(Attendees, settled.GetProperty("arrived").GetInt32());
    }
}
