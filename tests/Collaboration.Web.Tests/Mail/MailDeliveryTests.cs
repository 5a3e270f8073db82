using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;

namespace Collaboration.Web.Tests.Mail;

/// <summary>Delivery against a real SMTP server that is down, refuses, or comes back.</summary>
public sealed class MailDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SmtpServerDownAtFirst_ThenUp_EveryMessageIsDeliveredOnce()
    {
        // Arrange: the app points at a port where no server listens yet.
        var port = FreePort.Next();
        await using var app = new ConcertationFactory(null, false, MailSettings.For(port));
        await using var mail = new MailAppClient(app);
        var session = await mail.CreateSessionAsync(capacity: 3);
        var emails = Enumerable.Range(1, 5).Select(i => $"attente-{i}-{Guid.NewGuid():N}@exemple.ca").ToList();
        foreach (var email in emails) await mail.RegisterAsync(session, email);
        var pending = await Poll.UntilAsync(() => mail.OutboxAsync(session),
            o => o.EnumerateArray().All(m => m.GetProperty("attempts").GetInt32() >= 1), Timeout, "each message tried once");
        Assert.All(pending.EnumerateArray(), m => Assert.Equal("pending", m.GetProperty("status").GetString()));

        // Act: the server comes up.
        await using var smtp = LoopbackSmtpServer.Start(port);
        var sent = await Poll.UntilAsync(() => mail.OutboxAsync(session),
            o => o.EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "every message sent");

        // Assert: five messages, each received once; once all are recorded sent nothing sends them again.
        Assert.Equal(5, sent.GetArrayLength());
        Assert.Equal(emails.Order(), smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(5, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(sent.EnumerateArray().Select(m => m.GetProperty("messageId").GetString()).Order(), smtp.Received.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task PermanentRefusal_IsShownFailed_AndResendDeliversIt()
    {
        // Arrange: the server refuses one mailbox (550).
        await using var smtp = LoopbackSmtpServer.Start();
        var refused = $"inconnu-{Guid.NewGuid():N}@exemple.ca";
        smtp.RefuseRecipient = address => address == refused;
        await using var app = new ConcertationFactory(null, false, MailSettings.For(smtp.Port));
        await using var mail = new MailAppClient(app);
        var session = await mail.CreateSessionAsync(capacity: 3);
        await mail.RegisterAsync(session, refused);

        // Act
        var failed = await Poll.UntilAsync(() => mail.OutboxAsync(session),
            o => o.EnumerateArray().Any(m => m.GetProperty("status").GetString() == "failed"), Timeout, "the message failed");

        // Assert: failed, with the server's answer, tried once (a 5xx is not retried), resendable.
        var entry = failed.EnumerateArray().Single();
        Assert.Equal((refused, 1, true), (entry.GetProperty("to").GetString(), entry.GetProperty("attempts").GetInt32(), entry.GetProperty("canResend").GetBoolean()));
        Assert.StartsWith("550", entry.GetProperty("lastError").GetString());
        Assert.Empty(smtp.Received);

        // Act: the mailbox is fixed, the organiser resends.
        smtp.RefuseRecipient = _ => false;
        var resend = await mail.Organiser.PostAsync($"/api/workshops/{session}/outbox/{entry.GetProperty("id").GetInt64()}/resend", null).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.NoContent, resend.StatusCode);
        var received = await smtp.WaitForAsync(1, Timeout);

        // Assert: delivered with the Message-ID it had; a sent message cannot be "resent".
        Assert.Equal(entry.GetProperty("messageId").GetString(), received.Single().MessageId);
        await Poll.UntilAsync(() => mail.OutboxAsync(session), o => o.EnumerateArray().Single().GetProperty("status").GetString() == "sent", Timeout, "sent");
        var again = await mail.Organiser.PostAsync($"/api/workshops/{session}/outbox/{entry.GetProperty("id").GetInt64()}/resend", null).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Reminder_FiresOnce_TheDayBefore_OnATestClock_AcrossARestart()
    {
        // Arrange: a session in three days; the first node stops before the reminder time.
        await using var smtp = LoopbackSmtpServer.Start();
        var clock = new ShiftedClock(TimeSpan.FromHours(-60)); // 60 hours ago, moved up to now before the restart
        var folder = Directory.CreateTempSubdirectory("concertation-reminder-").FullName;
        (string, string?)[] settings = [.. MailSettings.For(smtp.Port, ("Mail:ReminderCheckPeriod", "00:00:01"), ("Mail:ReminderHoursBefore", "24")),
            ("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(folder, "reminder.db")}")];
        var email = $"rappel-{Guid.NewGuid():N}@exemple.ca";
        var optedOut = $"sans-rappel-{Guid.NewGuid():N}@exemple.ca";
        Guid session;
        await using (var first = new ConcertationFactory(null, false, s => s.AddSingleton<TimeProvider>(clock), settings))
        {
            await using var mail = new MailAppClient(first);
            session = await mail.CreateSessionAsync(capacity: 5, startsAt: clock.GetUtcNow().AddDays(3));
            await mail.RegisterAsync(session, email);
            await mail.RegisterAsync(session, optedOut);
            await smtp.WaitForAsync(2, Timeout);
            // One employer unsubscribes from reminders by the one-click link's POST.
            var unsubscribe = await mail.UnsubscribeLinkAsync(session, optedOut);
            Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().PostAsync(unsubscribe.PathAndQuery,
                new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        }

        // Act: the next node starts a day and a half later, 12 hours before the session.
        clock.Advance(TimeSpan.FromHours(60));
        await using var second = new ConcertationFactory(null, false, s => s.AddSingleton<TimeProvider>(clock), settings);
        await using var secondMail = new MailAppClient(second);
        _ = second.Services; // starts the node: nothing else calls it, only its reminder service can wake the session
        var received = await Poll.UntilAsync(() => Task.FromResult(smtp.Received.Where(m => m.Subject?.StartsWith("Rappel") == true).ToList()),
            r => r.Count >= 1, Timeout, "the reminder");

        // Assert: one reminder, to the one who did not opt out, with its one-click unsubscribe header.
        var reminder = new ReceivedMail(received.Single());
        Assert.Equal(email, reminder.To);
        Assert.Equal("List-Unsubscribe=One-Click", reminder.Message.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith($"<{MailSettings.PublicBaseUrl}/api/mail/unsubscribe?t=", reminder.Message.Headers["List-Unsubscribe"]);
        Assert.NotNull(reminder.Calendar);
        // Recorded once in the session's outbox, and the Orleans reminder is gone, so it cannot fire again.
        var outbox = await Poll.UntilAsync(() => secondMail.OutboxAsync(session),
            o => o.EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "all sent");
        Assert.Single(outbox.EnumerateArray(), m => m.GetProperty("kind").GetString() == "workshopReminder");
        var grains = second.Services.GetRequiredService<IGrainFactory>();
        var reminders = second.Services.GetRequiredService<IReminderTable>();
        var grainId = grains.GetGrain<Grains.Workshops.IWorkshopSessionGrain>(session).GetGrainId();
        await Poll.UntilAsync(async () => (await reminders.ReadRows(grainId)).Reminders.All(r => r.ReminderName != Grains.Workshops.WorkshopSessionGrain.ReminderName),
            Timeout, "the workshop reminder unregistered");
        Assert.Single(smtp.Received, m => m.Subject?.StartsWith("Rappel") == true);
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
