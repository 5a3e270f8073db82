using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Workshops;
using Collaboration.Testing;
using Collaboration.Web.Platform;
using Collaboration.Web.Tests.Cluster;
using Collaboration.Web.Tests.Live;
using Collaboration.Web.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.AfterCommit;

/// <summary>
/// Promotion → email, two nodes on one PostgreSQL. The node holding the waiting list kills itself (SIGKILL,
/// <c>Testing:CrashAt</c>) at a step of the after-commit path of the promotion: just after the promotion committed,
/// while its effect is being delivered, or after the receiver took it but before the acknowledgement is recorded.
/// On the survivor — woken by the grain's reminder, without a request or a rebuild — the promoted person is
/// confirmed and gets the promotion email once (one Message-ID: a kill between the server's 250 and its record may
/// hand the same message over again, which mail clients fold into one).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PromotionKillTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(120);

    /// <summary>The session's third message (after the first employer's confirmation and the second's waiting-list notice) is the promotion's.</summary>
    [Theory]
    [InlineData(nameof(Grains.Platform.CrashPoint.Committed))]
    [InlineData(nameof(Grains.Platform.CrashPoint.Delivering))]
    [InlineData(nameof(Grains.Platform.CrashPoint.Delivered))]
    public async Task NodeKilledDuringAWorkshopPromotion_ThePromotedEmployerGetsTheEmailOnce_WithoutRebuild(string point)
    {
        // Arrange: a one-seat session on the victim, one employer confirmed and one waiting.
        await using var smtp = LoopbackSmtpServer.Start();
        var database = await postgres.CreateDatabaseAsync("kill_workshop_promotion");
        var settings = Mail.MailSettings.For(smtp.Port, ("Effects:RetryMaxDelay", "00:00:01"));
        await using var survivor = new ConcertationFactory(database, false, services =>
            services.Configure<ClusterMembershipOptions>(FailureDetection.Fast), settings);
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, StartTimeout,
            [.. settings, ("ASPNETCORE_ENVIRONMENT", "Staging"), (ProcessCrashPoints.Setting, $"{point}:{nameof(SendMail)}:3")]);
        var (onVictim, _) = await victim.SignInOrganiserAsync(Timeout);
        var starts = DateTimeOffset.UtcNow.AddDays(7);
        var created = await onVictim.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Embaucher à l'étranger", titleEn = "Hiring abroad", startsAt = starts, endsAt = starts.AddHours(2), place = "Joliette", capacity = 1,
        }).WaitAsync(Timeout);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var session = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var (organisation, email) in new[] { ("Fromagerie du Village", "premier@exemple.qc.ca"), ("Érablière Gagnon", "second@exemple.qc.ca") })
        {
            var registered = await onVictim.PostAsJsonAsync($"/api/workshops/{session}/registrations",
                WorkshopsAppFixture.Registration(organisation, email)).WaitAsync(Timeout);
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        }
        await smtp.WaitForAsync(2, Timeout); // the confirmation and the waiting-list notice

        // Act: the organiser adds a seat through the victim, which promotes the waiting employer and dies on the way to the email.
        try
        {
            await onVictim.PatchAsJsonAsync($"/api/workshops/{session}", new { capacity = 2 }).WaitAsync(Timeout);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The victim died before it answered (it dies after the promotion's write committed).
        }
        await Poll.UntilAsync(() => Task.FromResult(victim.HasExited), Timeout, $"the victim killed itself at {point}");

        // Assert: on the survivor the second employer is confirmed, and the promotion email is sent once — no request to the session needed.
        var grain = survivor.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkshopSessionGrain>(session);
        var promotions = await Poll.UntilAsync(async () => (await grain.GetMailAsync()).Where(m => m.Kind == MailKind.WorkshopPromoted).ToList(),
            m => m.Count == 1 && m[0].Status == MailStatus.Sent, FailoverDeadline, "the promotion email sent from the survivor");
        Assert.Equal("second@exemple.qc.ca", promotions[0].To);
        var registrants = await grain.GetRegistrantsAsync();
        Assert.All(registrants, r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a late repeat would arrive now
        var toSecond = smtp.Received.Where(m => m.To.Mailboxes.Single().Address == "second@exemple.qc.ca").ToList();
        Assert.Equal(2, toSecond.Select(m => m.MessageId).Distinct().Count()); // the waiting-list notice and the promotion, once each
        Assert.Contains(toSecond, m => m.MessageId == promotions[0].MessageId);
        Assert.Single(smtp.Received.Where(m => m.To.Mailboxes.Single().Address == "premier@exemple.qc.ca").Select(m => m.MessageId).Distinct());
    }

    /// <summary>
    /// The colloque's promotion crosses two grains: the signups grain promotes and tells the registration its place
    /// (the third notice: the first attendee's, the second's waiting place, then the promotion); the registration
    /// records the email and sends it. The node dies just after the promotion committed: the signups grain's reminder
    /// must wake it on the survivor. (Only this step is named here: the second's waiting-place notice and the promotion
    /// share a key, so the promotion may replace it before it is delivered, and "the third notice delivered" would then
    /// name nothing; the steps of delivery are covered by the workshop's promotion above and the sign-up tests.)
    /// </summary>
    [Fact]
    public async Task NodeKilledJustAfterAColloquePromotion_ThePromotedAttendeeGetsTheEmailOnce_WithoutRebuild()
    {
        const string point = nameof(Grains.Platform.CrashPoint.Committed);
        // Arrange: one place on the victim, one attendee confirmed and one waiting.
        await using var smtp = LoopbackSmtpServer.Start();
        var database = await postgres.CreateDatabaseAsync("kill_colloque_promotion");
        var settings = Mail.MailSettings.For(smtp.Port, ("Effects:RetryMaxDelay", "00:00:01"));
        await using var survivor = new ConcertationFactory(database, false, services =>
            services.Configure<ClusterMembershipOptions>(FailureDetection.Fast), settings);
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, StartTimeout,
            [.. settings, ("ASPNETCORE_ENVIRONMENT", "Staging"), (ProcessCrashPoints.Setting, $"{point}:{nameof(TellPlace)}:3")]);
        var (onVictim, _) = await victim.SignInOrganiserAsync(Timeout);
        var colloque = await CreateColloqueAsync(onVictim);
        await Colloque.SignupKit.OpenRegistrationAsync(onVictim, colloque, total: 1);
        using var publicOnVictim = new HttpClient { BaseAddress = victim.Address };
        var first = await Colloque.SignupKit.SignedUpAsync(publicOnVictim, colloque, Colloque.SignupKit.Signup("Première Personne", "premiere@exemple.qc.ca"));
        var second = await Colloque.SignupKit.SignedUpAsync(publicOnVictim, colloque, Colloque.SignupKit.Signup("Seconde Personne", "seconde@exemple.qc.ca"));
        Assert.Equal("waitlisted", second.GetProperty("status").GetString(), ignoreCase: true);
        await smtp.WaitForAsync(2, Timeout); // the confirmation and the waiting-list notice

        // Act: the organiser opens a second place through the victim, which promotes the waiting attendee and dies on the way.
        try
        {
            await Colloque.SignupKit.OpenRegistrationAsync(onVictim, colloque, total: 2);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The victim died before it answered (it dies after the promotion's write committed).
        }
        await Poll.UntilAsync(() => Task.FromResult(victim.HasExited), Timeout, $"the victim killed itself at {point}");

        // Assert: on the survivor the second attendee holds a place, and the promotion email is sent once.
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        var code = Colloque.SignupKit.Code(second);
        var registration = grains.GetGrain<IRegistrationGrain>(code);
        var promotions = await Poll.UntilAsync(async () => (await registration.GetMailAsync()).Where(m => m.Kind == MailKind.ColloquePromoted).ToList(),
            m => m.Count == 1 && m[0].Status == MailStatus.Sent, FailoverDeadline, "the promotion email sent from the survivor");
        Assert.Equal(PlaceStatus.Confirmed, (await grains.GetGrain<IColloqueSignupsGrain>(colloque).GetSignupAsync(code))?.Status);
        Assert.Equal(PlaceStatus.Confirmed, (await grains.GetGrain<IColloqueSignupsGrain>(colloque).GetSignupAsync(Colloque.SignupKit.Code(first)))?.Status);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a late repeat would arrive now
        var toSecond = smtp.Received.Where(m => m.To.Mailboxes.Single().Address == "seconde@exemple.qc.ca").ToList();
        Assert.Equal(2, toSecond.Select(m => m.MessageId).Distinct().Count()); // the waiting-list notice and the promotion, once each
        Assert.Contains(toSecond, m => m.MessageId == promotions[0].MessageId);
    }
}
