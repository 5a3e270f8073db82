using Collaboration.Grains.Mail;
using Collaboration.Grains.Workshops;
using Collaboration.Testing;

namespace Collaboration.Grains.Tests.Workshops;

public sealed class WorkshopOutboxDurabilityTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PromotionAndItsOutboxMessage_AreCommittedTogether_AndSurviveARestart()
    {
        // Arrange: a full session with one employer waiting, on a silo that is then stopped.
        using var file = new TempSqliteFile();
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await using (var first = await SiloTestHost.StartSqliteAsync(file.Path))
        {
            var grain = first.Grains.GetGrain<IWorkshopSessionGrain>(id);
            await grain.CreateAsync(new WorkshopDetails("Atelier", "Workshop", "", "", now.AddDays(3), now.AddDays(3).AddHours(2),
                "Rimouski", null, now.AddDays(-1), now.AddDays(2)), 1).WaitAsync(Timeout);
            await grain.RegisterAsync(new RegistrationRequest("AAAA1111", "hash-a", "A", "Contact A", "a@exemple.ca", null, 1, "S", true)).WaitAsync(Timeout);
            await grain.RegisterAsync(new RegistrationRequest("BBBB2222", "hash-b", "B", "Contact B", "b@exemple.ca", null, 1, "S", true)).WaitAsync(Timeout);

            // Act: the cancellation promotes B; the acknowledgement means the write is durable.
            await grain.CancelRegistrationAsync("AAAA1111", "hash-a").WaitAsync(Timeout);
        }

        // Assert: a new silo on the same storage sees B confirmed and the notice to send.
        await using var second = await SiloTestHost.StartSqliteAsync(file.Path);
        var reloaded = second.Grains.GetGrain<IWorkshopSessionGrain>(id);
        var b = await reloaded.GetRegistrationAsync("BBBB2222", "hash-b").WaitAsync(Timeout);
        Assert.Equal(RegistrationStatus.Confirmed, b.Registration!.Status);
        var outbox = await reloaded.GetMailAsync().WaitAsync(Timeout);
        var promotion = outbox.Single(m => m.Kind == MailKind.WorkshopPromoted);
        Assert.Equal(("BBBB2222", "b@exemple.ca", MailStatus.Pending), (promotion.Reference, promotion.To, promotion.Status));
        Assert.Equal(4, outbox.Count); // A confirmed, B waitlisted, A's cancellation receipt, B's promotion
        Assert.Single(outbox, m => m.MessageId == promotion.MessageId); // its Message-ID fixed at record time
        var tail = await reloaded.GetEventsSinceAsync(0).WaitAsync(Timeout);
        Assert.Contains(tail.Events!, e => e.Data is Collaboration.Grains.Workshops.Events.WaitlistPromoted p && p.Codes.Contains("BBBB2222"));
    }
}
