using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Workshops;
using Collaboration.Testing;
using Collaboration.Web.Tests.Cluster;
using Collaboration.Web.Tests.Live;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using SmtpServer.Protocol;

namespace Collaboration.Web.Tests.Mail;

/// <summary>
/// The node sending a message is killed (SIGKILL, its own OS process) at each point of the send;
/// the session comes back on the other node — woken by its outbox reminder, not by a request —
/// and the message ends up received once (twice at most, with one Message-ID, when the kill
/// falls between the server's 250 and the delivery record).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MailKillTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(KillPoint.BeforeSmtp)]
    [InlineData(KillPoint.DuringSmtp)]
    [InlineData(KillPoint.After250BeforeRecord)]
    [InlineData(KillPoint.AfterRecord)]
    public async Task NodeKilledDuringTheSend_TheMessageIsStillDelivered_Once(KillPoint point)
    {
        // Arrange: the survivor in this process, the victim in its own; both send to one SMTP server.
        await using var smtp = LoopbackSmtpServer.Start();
        var database = await postgres.CreateDatabaseAsync("mail_kill");
        var settings = MailSettings.For(smtp.Port);
        await using var survivor = new ConcertationFactory(database, false, services =>
            services.Configure<ClusterMembershipOptions>(FailureDetection.Fast), settings);
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, Timeout, settings);
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        var victimSilo = await Poll.UntilAsync(() => Task.FromResult(survivor.Services.GetRequiredService<IClusterMembershipService>()
            .CurrentSnapshot.Members.Values.FirstOrDefault(m => m.Status == SiloStatus.Active && m.SiloAddress.Endpoint.Port == victim.SiloPort)?.SiloAddress),
            s => s is not null, Timeout, "the survivor sees the victim");
        var (victimHttp, _) = await victim.SignInOrganiserAsync(Timeout);
        var session = await CreateSessionHostedByAsync(victimHttp, grains, victimSilo!);

        var killed = 0;
        void KillOnce()
        {
            if (Interlocked.Exchange(ref killed, 1) == 0) victim.Kill();
        }
        switch (point)
        {
            case KillPoint.BeforeSmtp:
                smtp.OnSession = KillOnce;
                break;
            case KillPoint.DuringSmtp:
                smtp.OnMessage = message =>
                {
                    if (Volatile.Read(ref killed) == 1) { smtp.Keep(message); return Task.FromResult(SmtpResponse.Ok); }
                    KillOnce();
                    return Task.FromResult(new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "gone"));
                };
                break;
            case KillPoint.After250BeforeRecord:
                smtp.OnMessage = message =>
                {
                    smtp.Keep(message);
                    if (Volatile.Read(ref killed) == 0) _ = Task.Run(KillOnce); // right after the 250 goes out
                    return Task.FromResult(SmtpResponse.Ok);
                };
                break;
        }
        var email = $"panne-{Guid.NewGuid():N}@exemple.qc.ca";

        // Act: one registration through the victim; its confirmation is sent by the victim. The send starts once the
        // registration has committed, so a kill at the SMTP session may beat the answer on a busy machine: the message
        // must arrive all the same.
        try
        {
            var response = await victimHttp.PostAsJsonAsync($"/api/workshops/{session}/registrations", new
            {
                organisation = "Boulangerie de Saint-Gabriel", contactName = "Luc Ferland", email, seats = 1, sector = "Alimentation", consent = true,
            }).WaitAsync(Timeout);
            response.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException) when (Volatile.Read(ref killed) == 1)
        {
        }
        if (point == KillPoint.AfterRecord)
        {
            await smtp.WaitForAsync(1, Timeout);
            var outboxGrain = grains.GetGrain<IWorkshopSessionGrain>(session);
            await Poll.UntilAsync(async () => (await outboxGrain.GetMailAsync()).All(m => m.Status == MailStatus.Sent), Timeout, "the delivery recorded");
            KillOnce();
        }
        await Poll.UntilAsync(() => Task.FromResult(victim.HasExited), Timeout, "the victim is killed");

        // Assert: the message reaches the server after the kill (the survivor sends what the victim left pending)…
        var received = await smtp.WaitForAsync(1, FailoverDeadline);
        var mail = grains.GetGrain<IWorkshopSessionGrain>(session);
        var outbox = await Poll.UntilAsync(() => mail.GetMailAsync(), o => o.All(m => m.Status == MailStatus.Sent), FailoverDeadline, "the outbox all sent");
        var confirmation = outbox.Single();
        received = smtp.Received;
        // …once; or, killed between the 250 and the record, at most twice with the same Message-ID.
        if (point == KillPoint.After250BeforeRecord)
        {
            Assert.InRange(received.Count, 1, 2);
            Assert.All(received, m => Assert.Equal(confirmation.MessageId, m.MessageId));
        }
        else
        {
            Assert.Equal(confirmation.MessageId, Assert.Single(received).MessageId);
        }
        Assert.Equal(email, received[0].To.Mailboxes.Single().Address);
    }

    /// <summary>Creates sessions through the victim (PreferLocal placement) until one is hosted there.</summary>
    private static async Task<Guid> CreateSessionHostedByAsync(HttpClient organiser, IGrainFactory grains, SiloAddress silo)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var starts = DateTimeOffset.UtcNow.AddDays(7);
            var response = await organiser.PostAsJsonAsync("/api/workshops", new
            {
                titleFr = "Atelier pendant la panne", titleEn = "Workshop during the outage", startsAt = starts, endsAt = starts.AddHours(2),
                place = "Joliette", capacity = 50,
            }).WaitAsync(Timeout);
            response.EnsureSuccessStatusCode();
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            if (silo.Equals(await management.GetActivationAddress(grains.GetGrain<IWorkshopSessionGrain>(id)).AsTask().WaitAsync(Timeout))) return id;
        }
        throw new InvalidOperationException("No session created through the victim was placed there.");
    }
}
