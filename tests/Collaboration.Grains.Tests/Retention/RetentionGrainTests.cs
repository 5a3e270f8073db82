using Collaboration.Grains.Evaluations;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Participation;
using Collaboration.Grains.Retention;
using Collaboration.Grains.Workshops;

namespace Collaboration.Grains.Tests.Retention;

/// <summary>
/// Law 25 on a manual clock: nothing before the period ends; the dry run changes nothing; a run anonymises once (the
/// counts the report adds up stay), logged without personal data; evaluations go only to those present, with one reminder.
/// </summary>
public sealed class RetentionGrainTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Retention_AnonymisesOnceAfterThePeriod_KeepsTheCounts_DryRunChangesNothing()
    {
        // Arrange: a session with three registrations, two present.
        var (id, session) = await NewSessionWithAttendanceAsync(attended: [true, true, false]);
        var retention = silo.Grains.GetGrain<IRetentionGrain>("default");
        var before = await session.GetRegistrantsAsync().WaitAsync(Timeout);

        // Act 1: a day after the session, then 23 months after: nothing is due.
        silo.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Empty(await retention.PreviewAsync().WaitAsync(Timeout));
        silo.Clock.Advance(TimeSpan.FromDays(23 * 30));
        Assert.Empty(await retention.RunAsync(RetentionTrigger.Automatic).WaitAsync(Timeout));

        // Act 2: past 24 months, the dry run shows it and changes nothing.
        silo.Clock.Advance(TimeSpan.FromDays(40));
        var preview = await retention.PreviewAsync().WaitAsync(Timeout);
        var item = Assert.Single(preview, i => i.Subject == EventSubject.Workshop(id).Key);
        Assert.Equal((RetentionKind.WorkshopRegistrations, 3), (item.Kind, item.Records));
        Assert.Equal(before, await session.GetRegistrantsAsync().WaitAsync(Timeout));
        Assert.Empty((await retention.GetAsync().WaitAsync(Timeout)).Log);

        // Act 3: the run, then another.
        await retention.RunAsync(RetentionTrigger.Automatic).WaitAsync(Timeout);
        await silo.DeliveredAsync();
        var again = await retention.RunAsync(RetentionTrigger.Automatic).WaitAsync(Timeout);

        // Assert: names, emails and phones gone; status, seats, attendance and organisation kept; decided once, logged once.
        var after = await session.GetRegistrantsAsync().WaitAsync(Timeout);
        Assert.All(after, r => Assert.True(r is { Anonymised: true, ContactName: "", Email: "", Phone: null }));
        Assert.Equal(before.Select(r => (r.Code, r.Status, r.Seats, r.Attended, r.Organisation)), after.Select(r => (r.Code, r.Status, r.Seats, r.Attended, r.Organisation)));
        Assert.DoesNotContain(again, i => i.Subject == item.Subject && i.Kind == RetentionKind.WorkshopRegistrations);
        var log = (await retention.GetAsync().WaitAsync(Timeout)).Log.Where(l => l.Subject == item.Subject).ToList();
        var line = Assert.Single(log);
        Assert.Equal((RetentionKind.WorkshopRegistrations, 3, RetentionTrigger.Automatic), (line.Kind, line.Records, line.Trigger));
        Assert.NotNull(line.CompletedAt);
        Assert.Equal(0, await session.AnonymiseAsync(null).WaitAsync(Timeout)); // idempotent receiver
    }

    [Fact]
    public async Task Evaluation_InvitesOnlyThePresent_AtTheSendTime_AndRemindsOnce()
    {
        // Arrange
        var (id, _) = await NewSessionWithAttendanceAsync(attended: [true, false, true, null]);
        var evaluation = silo.Grains.GetGrain<IEvaluationGrain>(EventSubject.Workshop(id).Key);
        var ends = (await evaluation.GetAsync().WaitAsync(Timeout))!.Event!.EndsAt;
        Assert.Equal(SaveResult.Ok, await evaluation.SaveAsync(new EvaluationSetup(DefaultEvaluationForm.Questions,
            new EvaluationSchedule(ends.AddHours(2), TimeSpan.FromDays(3), ends.AddDays(14)))).WaitAsync(Timeout));

        // Act + Assert: before the send time, nothing; at it, the two present; again, nobody more.
        await evaluation.TickAsync().WaitAsync(Timeout);
        Assert.Equal(0, (await evaluation.GetAsync().WaitAsync(Timeout))!.Invited);
        silo.Clock.Advance(ends.AddHours(2) - silo.Clock.GetUtcNow());
        await evaluation.TickAsync().WaitAsync(Timeout);
        await evaluation.TickAsync().WaitAsync(Timeout);
        var view = (await evaluation.GetAsync().WaitAsync(Timeout))!;
        Assert.Equal(["a0@exemple.qc.ca", "a2@exemple.qc.ca"], view.Respondents.Select(r => r.Email).Order());
        Assert.Equal(EvaluationStatus.Open, view.Status);
        Assert.Equal(2, (await evaluation.GetMailAsync().WaitAsync(Timeout)).Count(m => m.Kind == MailKind.EvaluationInvited));

        // The reminder once the delay passed, once whatever the ticks; the questions are locked now.
        silo.Clock.Advance(TimeSpan.FromDays(3));
        await evaluation.TickAsync().WaitAsync(Timeout);
        await evaluation.TickAsync().WaitAsync(Timeout);
        Assert.Equal(2, (await evaluation.GetMailAsync().WaitAsync(Timeout)).Count(m => m.Kind == MailKind.EvaluationReminder));
        Assert.Equal(SaveResult.QuestionsLocked, await evaluation.SaveAsync(new EvaluationSetup(DefaultEvaluationForm.Questions.Take(2).ToList(),
            new EvaluationSchedule(ends.AddHours(2), null, ends.AddDays(14)))).WaitAsync(Timeout));
    }

    private async Task<(Guid Id, IWorkshopSessionGrain Session)> NewSessionWithAttendanceAsync(bool?[] attended)
    {
        var now = silo.Clock.GetUtcNow();
        var id = Guid.NewGuid();
        var session = silo.Grains.GetGrain<IWorkshopSessionGrain>(id);
        await session.CreateAsync(new WorkshopDetails("Recruter en région", "Recruiting in the region", "", "", now.AddHours(1), now.AddHours(4),
            "Joliette", null, now.AddDays(-1), now.AddHours(1)), 20).WaitAsync(Timeout);
        await silo.Grains.GetGrain<IWorkshopCatalogGrain>("all").AddAsync(id).WaitAsync(Timeout);
        for (var i = 0; i < attended.Length; i++)
        {
            var code = $"CODE{i}{Guid.NewGuid().ToString("N")[..4].ToUpperInvariant()}";
            await session.RegisterAsync(new RegistrationRequest(code, $"hash-{code}", "Fromagerie Lanaudoise", $"Personne {i}", $"a{i}@exemple.qc.ca",
                "450 555-0100", 1, "Alimentation", true)).WaitAsync(Timeout);
            if (attended[i] is { } present) await session.MarkAttendanceAsync(code, present).WaitAsync(Timeout);
        }
        return (id, session);
    }
}
