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
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
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
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, StartTimeout,
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
            Assert.Contains(result, new[] { "checkedIn", "alreadyCheckedIn" });
        }

        // Assert: every registration is checked in once, and the figures count each once — without a rebuild.
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        var views = await Task.WhenAll(codes.Select(c => grains.GetGrain<IRegistrationGrain>(c).GetAsync()));
        Assert.All(views, v => Assert.Equal(1, v!.CheckInVersion));
        // The victim dies once its first arrival is delivered, after the commit: on a busy machine a scan or two more may be
        // answered meanwhile, never the whole list.
        Assert.InRange(acknowledged.Count, 0, Attendees / 2);
        var stats = await Poll.UntilAsync(() => onSurvivor.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats"),
            s => s.GetProperty("arrived").GetInt32() == Attendees, FailoverDeadline, "every arrival in the figures");
        Assert.Equal(Attendees, stats.GetProperty("byDesk").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a repeat delivered late would show now
        var settled = await onSurvivor.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/stats");
        Assert.Equal(Attendees, settled.GetProperty("arrived").GetInt32());
    }
    [Theory]
    [InlineData(nameof(Grains.Platform.CrashPoint.Committed), nameof(ListInDirectory))]
    [InlineData(nameof(Grains.Platform.CrashPoint.Delivering), nameof(Grains.Mail.SendMail))]
    [InlineData(nameof(Grains.Platform.CrashPoint.Delivered), nameof(ReportMail))]
    [InlineData(nameof(Grains.Platform.CrashPoint.Delivered), nameof(TellPlace))]
    public async Task NodeKilledDuringASelfRegistration_EveryRegistrationIsInSignupsDirectoryLedgerAndMail_Once(string point, string effect)
    {
        // Arrange
        await using var smtp = LoopbackSmtpServer.Start();
        var database = await postgres.CreateDatabaseAsync("kill_signup");
        (string Key, string? Value)[] settings = [.. FastRedrive, .. Mail.MailSettings.For(smtp.Port)];
        await using var survivor = new ConcertationFactory(database, false, services =>
            services.Configure<ClusterMembershipOptions>(FailureDetection.Fast), settings);
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, StartTimeout,
            [.. settings, ("ASPNETCORE_ENVIRONMENT", "Staging"), (ProcessCrashPoints.Setting, $"{point}:{effect}")]);
        var (onVictim, _) = await victim.SignInOrganiserAsync(Timeout);
        var colloque = await CreateColloqueAsync(onVictim);
        await Colloque.SignupKit.OpenRegistrationAsync(onVictim, colloque, total: 100);
        using var publicOnVictim = new HttpClient { BaseAddress = victim.Address };
        var publicOnSurvivor = survivor.CreateClient();

        // Act: people register through the victim until it dies, then through the survivor.
        var acknowledged = new List<string>();
        for (var i = 0; i < Attendees; i++)
        {
            var body = Colloque.SignupKit.Signup($"Personne {i}", $"p{i}@exemple.qc.ca");
            HttpResponseMessage? response = null;
            if (!victim.HasExited)
            {
                try { response = await publicOnVictim.PostAsJsonAsync($"/api/colloques/{colloque}/signups", body).WaitAsync(Timeout); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { response = null; }
            }
            response ??= await Poll.UntilAsync(async () => await publicOnSurvivor.PostAsJsonAsync($"/api/colloques/{colloque}/signups", body),
                r => (int)r.StatusCode is 201 or 200, FailoverDeadline, $"sign-up {i} on the survivor");
            if (response.StatusCode == System.Net.HttpStatusCode.Created)
                acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
        }
        await Poll.UntilAsync(() => Task.FromResult(victim.HasExited), Timeout, $"the victim killed itself at {point}:{effect}");

        // Assert: every acknowledged registration reaches every receiver, once, without a rebuild.
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        var signups = grains.GetGrain<IColloqueSignupsGrain>(colloque);
        var directory = grains.GetGrain<IColloqueDirectoryGrain>(colloque);
        var ledger = grains.GetGrain<IColloqueOutboxGrain>(colloque);
        Assert.InRange(acknowledged.Count, Attendees - 1, Attendees);
        foreach (var code in acknowledged)
        {
            Assert.NotNull(await grains.GetGrain<IRegistrationGrain>(code).GetAsync());
            Assert.Equal(PlaceStatus.Confirmed, (await signups.GetSignupAsync(code))?.Status);
            await Poll.UntilAsync(() => directory.FindAsync(code), e => e is not null, FailoverDeadline, $"{code} in the directory");
            await Poll.UntilAsync(() => ledger.ListNewestAsync(int.MaxValue), l => l.Any(r => r.Code == code && r.Mail.Status == Grains.Mail.MailStatus.Sent),
                FailoverDeadline, $"{code}'s sent confirmation in the ledger");
        }
        var received = await smtp.WaitForAsync(acknowledged.Count, FailoverDeadline);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a late repeat would arrive now
        // A sign-up the victim committed but could not answer is sent again to the survivor: the address is known, so its
        // manage link is mailed (the form says nothing of who is registered). Only the confirmations are counted here.
        var byRecipient = smtp.Received.Where(m => !(m.Subject ?? "").Contains("lien d'inscription", StringComparison.Ordinal)
                && !(m.Subject ?? "").Contains("registration link", StringComparison.Ordinal))
            .GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        // One confirmation each; a kill between the server's 250 and its record may repeat it, under the same Message-ID.
        Assert.All(byRecipient, g => Assert.Single(g.Select(m => m.MessageId).Distinct()));
        // No place without its registration, no registration twice. A place the victim gave just before it died, to a
        // registration it never wrote, is given back by the survivor after a few tries (TellPlace.UnknownAttempts): wait for it.
        var (places, listed) = await Poll.UntilAsync(async () => ((await signups.GetProgrammeAsync()).Counts, await directory.ListAsync()),
            p => p.Item1.Confirmed + p.Item1.Waitlisted == p.Item2.Count, FailoverDeadline, "every place held by a listed registration");
        Assert.Equal(places.Confirmed + places.Waitlisted, listed.Count);
        Assert.Equal(listed.Count, byRecipient.Count);
    }
    [Theory]
    [InlineData(nameof(Grains.Platform.CrashPoint.Committed))]
    [InlineData(nameof(Grains.Platform.CrashPoint.Delivered))]
    public async Task NodeKilledWhileAnActionItemGoesToTheBoard_TheBoardShowsItOnce_WithoutRebuild(string point)
    {
        // Arrange: the victim dies at the second board feed (the first is the meeting's creation).
        var database = await postgres.CreateDatabaseAsync("kill_board");
        await using var survivor = new ConcertationFactory(database, false, services =>
            services.Configure<ClusterMembershipOptions>(FailureDetection.Fast), FastRedrive);
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, StartTimeout,
            [.. FastRedrive, ("ASPNETCORE_ENVIRONMENT", "Staging"), (ProcessCrashPoints.Setting, $"{point}:{nameof(Grains.Coordination.FeedTableBoard)}:2")]);
        var (onVictim, _) = await victim.SignInOrganiserAsync(Timeout);
        var table = await Meetings.MeetingsTestKit.CreateTableAsync(onVictim);
        var (member, _) = await Meetings.MeetingsTestKit.AddMemberAsync(onVictim, table, "Luc Ferland");
        var meeting = await Meetings.MeetingsTestKit.CreateMeetingAsync(onVictim, table);

        // Act: an action item through the victim, which dies after the meeting's write that holds it.
        try
        {
            await onVictim.PostAsJsonAsync($"/api/meetings/{meeting}/action-items", new { text = "Relancer les employeurs", ownerMemberId = member })
                .WaitAsync(Timeout);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The victim died before it answered: the item may or may not have committed.
        }
        await Poll.UntilAsync(() => Task.FromResult(victim.HasExited), Timeout, $"the victim killed itself at {point}");

        // Assert: the board on the survivor shows what the meeting holds, once — woken by the meeting's reminder, no rebuild.
        var onSurvivor = await survivor.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        var held = await Poll.UntilAsync(() => grains.GetGrain<Grains.Meetings.IMeetingGrain>(meeting).GetAsync(), m => m is not null, FailoverDeadline, "the meeting on the survivor");
        Assert.Single(held!.ActionItems); // the kill came after the write that holds it
        var board = await Poll.UntilAsync(() => onSurvivor.GetFromJsonAsync<JsonElement>($"/api/board?table={table}"),
            b => b.GetProperty("items").GetArrayLength() > 0, FailoverDeadline, "the item on the board");
        Assert.Equal("Relancer les employeurs", Assert.Single(board.GetProperty("items").EnumerateArray()).GetProperty("text").GetString());
    }
}
