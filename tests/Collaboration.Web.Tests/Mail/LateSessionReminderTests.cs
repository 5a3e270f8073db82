using Microsoft.Extensions.DependencyInjection;
using Collaboration.Testing;

namespace Collaboration.Web.Tests.Mail;

/// <summary>
/// A workshop announced less than a day ahead still reminds its registrants: halfway to its start, once, to everyone
/// confirmed by then; whoever is confirmed later has their confirmation (which says when it starts) and no reminder.
/// </summary>
public sealed class LateSessionReminderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SessionCreatedTwentyHoursAhead_RemindsThoseConfirmedHalfwayThere_Once_AndNotLaterRegistrants()
    {
        // Arrange: a session 20 hours from now (its usual reminder time, 24 hours before, is already past); one registrant.
        await using var smtp = LoopbackSmtpServer.Start();
        var clock = new ShiftedClock(TimeSpan.Zero);
        (string, string?)[] settings = [.. MailSettings.For(smtp.Port, ("Mail:ReminderCheckPeriod", "00:00:01"), ("Mail:ReminderHoursBefore", "24"))];
        await using var app = new ConcertationFactory(null, false, s => s.AddSingleton<TimeProvider>(clock), settings);
        await using var mail = new MailAppClient(app);
        var early = $"tot-{Guid.NewGuid():N}@exemple.ca";
        var late = $"tard-{Guid.NewGuid():N}@exemple.ca";
        var session = await mail.CreateSessionAsync(capacity: 5, startsAt: clock.GetUtcNow().AddHours(20));
        await mail.RegisterAsync(session, early);
        await smtp.WaitForAsync(1, Timeout);

        // Act: 11 hours later (past halfway), then a second registrant.
        clock.Advance(TimeSpan.FromHours(11));
        var reminded = await Poll.UntilAsync(() => Task.FromResult(smtp.Received.Where(m => m.Subject?.StartsWith("Rappel") == true).ToList()),
            r => r.Count >= 1, Timeout, "the reminder");
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var reminders = app.Services.GetRequiredService<IReminderTable>();
        var grainId = grains.GetGrain<Grains.Workshops.IWorkshopSessionGrain>(session).GetGrainId();
        await Poll.UntilAsync(async () => (await reminders.ReadRows(grainId)).Reminders.All(r => r.ReminderName != Grains.Workshops.WorkshopSessionGrain.ReminderName),
            Timeout, "the workshop reminder unregistered");
        await mail.RegisterAsync(session, late);

        // Assert: the early registrant's one reminder; the late one's confirmation says when, and no reminder can follow.
        Assert.Equal(early, new ReceivedMail(Assert.Single(reminded)).To);
        await Poll.UntilAsync(() => Task.FromResult(smtp.Received.Any(m => m.To.Mailboxes.Any(a => a.Address == late))), Timeout, "the late confirmation");
        var confirmation = new ReceivedMail(smtp.Received.Single(m => m.To.Mailboxes.Any(a => a.Address == late)));
        Assert.Contains("Date", confirmation.Text);
        var outbox = await Poll.UntilAsync(() => mail.OutboxAsync(session),
            o => o.EnumerateArray().All(m => m.GetProperty("status").GetString() == "sent"), Timeout, "all sent");
        Assert.Single(outbox.EnumerateArray(), m => m.GetProperty("kind").GetString() == "workshopReminder");
    }
}
