using System.Globalization;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Participation;
using Collaboration.Grains.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collaboration.Grains.Evaluations;

/// <summary>
/// One event's evaluation (see <see cref="IEvaluationGrain"/>).
/// <para>
/// <b>Who gets it.</b> At the send time an Orleans reminder (<see cref="ReminderName"/>, every
/// <see cref="MailSchedule.ReminderCheckPeriod"/>) reads who was marked present (<see cref="ParticipationReader"/>) and
/// records, in one write, an invitation and its email for each; someone marked present later is invited at the next
/// look, until the form closes. Nobody is invited twice (by registration code).
/// </para>
/// <para>
/// <b>One reminder.</b> Once <see cref="EvaluationSchedule.ReminderAfter"/> has passed, one write records the reminder
/// email of each invitation not answered and not reminded, and the time it went: a later tick, a restart or another
/// node finds it recorded.
/// </para>
/// <para>
/// <b>Anonymous answers.</b> An answer marks its invitation answered and records a <see cref="RecordAnswer"/> effect in
/// the same write; the results grain keeps it under a key derived from the token (not the invitation's hash), without
/// the person.
/// </para>
/// </summary>
[GrainType("evaluation")]
public sealed class EvaluationGrain(
    [PersistentState("evaluation", StorageNames.Grains)] IPersistentState<EvaluationState> state, TimeProvider clock)
    : AfterCommitGrain<EvaluationState>(state, clock), IEvaluationGrain
{
    public const string ReminderName = "evaluation-schedule";
    public const int MaxQuestions = 30;
    public const int MaxTextLength = 300;

    private EventSubject Subject => EventSubject.TryParse(GrainKey, out var subject) ? subject : throw new InvalidOperationException($"Not an event key: {GrainKey}");

    public async Task<SaveResult> SaveAsync(EvaluationSetup setup)
    {
        var ev = await ParticipationReader.EventAsync(GrainFactory, Subject);
        if (ev is null || ev.Cancelled) return SaveResult.UnknownEvent;
        if (!Valid(setup)) return SaveResult.Invalid;
        if (State.InvitationsSentAt is not null && !SameQuestions(setup.Questions)) return SaveResult.QuestionsLocked;
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromSeconds(5), Schedule.ReminderCheckPeriod);
        State.Subject = Subject;
        State.Event = ev;
        State.Questions = [.. setup.Questions];
        State.Schedule = setup.Schedule;
        await WriteStateAsync();
        return SaveResult.Ok;
    }

    public async Task<EvaluationView?> GetAsync()
    {
        var ev = State.Event ?? await ParticipationReader.EventAsync(GrainFactory, Subject);
        if (ev is null) return null;
        var saved = State.Schedule is not null;
        var invitations = State.Invitations;
        return new EvaluationView(GrainKey, ev, Status(), saved ? State.Questions : DefaultEvaluationForm.Questions,
            State.Schedule ?? DefaultEvaluationForm.ScheduleFor(ev.EndsAt), !saved,
            invitations.Count, invitations.Count(i => i.AnsweredAt is not null), invitations.Count(i => i.RemindedAt is not null),
            [.. invitations.Select(i => new RespondentView(i.Id, i.Name, i.Organisation, i.Email, i.InvitedAt, i.RemindedAt, i.AnsweredAt is not null, i.Mrc))],
            State.InvitationsSentAt, State.RemindersSentAt);
    }

    public async Task<SaveResult> SendNowAsync()
    {
        if (State.Schedule is not { } schedule) return SaveResult.UnknownEvent;
        if (State.InvitationsSentAt is null && Now < schedule.SendAt)
        {
            State.Schedule = schedule with { SendAt = Now, ClosesAt = schedule.ClosesAt > Now ? schedule.ClosesAt : Now + DefaultEvaluationForm.OpenFor };
        }
        await TickAsync();
        return SaveResult.Ok;
    }

    public async Task TickAsync()
    {
        if (State.Schedule is not { } schedule || State.Event is null || State.LinksForgotten || Now >= schedule.ClosesAt)
        {
            await DropReminderAsync();
            return;
        }
        if (Now < schedule.SendAt) return;

        var changed = false;
        var invited = State.Invitations.Select(i => i.Reference).ToHashSet();
        foreach (var person in await ParticipationReader.PresentAsync(GrainFactory, ServiceProvider, Subject))
        {
            if (person.Email.Length == 0 || !invited.Add(person.Reference)) continue;
            var token = SecretHash.NewToken();
            var invitation = new EvaluationInvitation
            {
                Id = ++State.LastInvitationId,
                Reference = person.Reference,
                Name = person.Name,
                Organisation = person.Organisation,
                Email = person.Email,
                Language = person.Language is "fr" or "en" ? person.Language : null,
                Mrc = person.Mrc,
                TokenHash = SecretHash.Of(token),
                SealedToken = ServiceProvider.GetService<ITokenSealer>()?.Seal(token),
                InvitedAt = Now,
            };
            State.Invitations.Add(invitation);
            Mail(invitation, MailKind.EvaluationInvited);
            changed = true;
        }
        if (State.InvitationsSentAt is null)
        {
            State.InvitationsSentAt = Now;
            changed = true;
        }

        if (schedule.ReminderAfter is { } after && State.RemindersSentAt is null && Now >= State.InvitationsSentAt + after)
        {
            State.RemindersSentAt = Now;
            foreach (var invitation in State.Invitations.Where(i => i.AnsweredAt is null && i.RemindedAt is null && !i.Forgotten))
            {
                invitation.RemindedAt = Now;
                Mail(invitation, MailKind.EvaluationReminder);
            }
            changed = true;
        }
        if (changed) await WriteStateAsync();
    }

    public Task<InvitationView?> OpenAsync(string tokenHash) =>
        Task.FromResult(Find(tokenHash) is { } invitation && State.Event is { } ev && State.Schedule is { } schedule
            ? new InvitationView(GrainKey, ev, State.Questions, schedule.ClosesAt, Now < schedule.ClosesAt, invitation.AnsweredAt is not null,
                invitation.Language, invitation.Reference)
            : null);

    public async Task<AnswerOutcome> AnswerAsync(string tokenHash, string answerKey, IReadOnlyDictionary<string, string> values)
    {
        if (Find(tokenHash) is not { } invitation || State.Schedule is not { } schedule) return new(AnswerResult.NotFound, []);
        if (Now >= schedule.ClosesAt) return new(AnswerResult.Closed, []);
        var wrong = EvaluationAnswers.Check(State.Questions, values);
        if (wrong.Count > 0) return new(AnswerResult.Invalid, wrong);
        var changed = invitation.AnsweredAt is not null;
        invitation.AnsweredAt = Now;
        invitation.Revision++;
        var day = DateOnly.FromDateTime(Now.UtcDateTime);
        var effect = RecordEffect(new RecordAnswer(GrainKey, answerKey, invitation.Revision, invitation.Mrc, EvaluationAnswers.Clean(values), day));
        await WriteStateAsync();
        await DeliveredAsync(effect); // the person's page and the organiser's results read it next
        return new(AnswerResult.Ok, [], changed);
    }

    public async Task<int> ForgetLinksAsync()
    {
        var count = 0;
        foreach (var invitation in State.Invitations.Where(i => !i.Forgotten))
        {
            Forget(invitation);
            count++;
        }
        var first = !State.LinksForgotten;
        State.LinksForgotten = true;
        if (count > 0 || first) await WriteStateAsync();
        await DropReminderAsync();
        return count;
    }

    public async Task<int> ForgetPersonAsync(string reference)
    {
        var count = 0;
        foreach (var invitation in State.Invitations.Where(i => i.Reference == reference && !i.Forgotten))
        {
            Forget(invitation);
            count++;
        }
        if (count > 0) await WriteStateAsync();
        return count;
    }

    protected override Task OnReminderAsync(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? TickAsync() : Task.CompletedTask;

    private void Forget(EvaluationInvitation invitation)
    {
        invitation.Forgotten = true;
        invitation.Name = invitation.Organisation = invitation.Email = invitation.TokenHash = "";
        invitation.SealedToken = null;
        ForgetMailOf(invitation.Id.ToString(CultureInfo.InvariantCulture));
    }

    private void Mail(EvaluationInvitation invitation, MailKind kind)
    {
        var ev = State.Event!;
        var data = new Dictionary<string, string>
        {
            ["subject"] = GrainKey,
            ["reference"] = invitation.Reference,
            ["titleFr"] = ev.TitleFr,
            ["titleEn"] = ev.TitleEn,
            ["startsAt"] = ev.StartsAt.ToString("O", CultureInfo.InvariantCulture),
            ["endsAt"] = ev.EndsAt.ToString("O", CultureInfo.InvariantCulture),
            ["closesAt"] = State.Schedule!.ClosesAt.ToString("O", CultureInfo.InvariantCulture),
            ["name"] = invitation.Name,
            ["organisation"] = invitation.Organisation,
        };
        if (ev.Place is { } place) data["place"] = place;
        if (invitation.SealedToken is { } sealedToken) data["sealedToken"] = sealedToken;
        State.Mail.Record(kind, invitation.Email, invitation.Name, invitation.Language, invitation.Id.ToString(CultureInfo.InvariantCulture), data, Now);
    }

    private EvaluationInvitation? Find(string tokenHash) =>
        tokenHash.Length == 0 ? null : State.Invitations.Find(i => !i.Forgotten && i.TokenHash.Length > 0 && SecretHash.Same(i.TokenHash, tokenHash));

    private EvaluationStatus Status() => State.Schedule switch
    {
        null => EvaluationStatus.NotSet,
        { } s when Now >= s.ClosesAt || State.LinksForgotten => EvaluationStatus.Closed,
        _ when State.InvitationsSentAt is not null => EvaluationStatus.Open,
        _ => EvaluationStatus.Scheduled,
    };

    private bool SameQuestions(IReadOnlyList<EvaluationQuestion> questions) =>
        questions.Count == State.Questions.Count && questions.Zip(State.Questions).All(p =>
            p.First.Id == p.Second.Id && p.First.Kind == p.Second.Kind && p.First.TextFr == p.Second.TextFr && p.First.TextEn == p.Second.TextEn
            && p.First.Required == p.Second.Required && p.First.Choices.SequenceEqual(p.Second.Choices));

    private static bool Valid(EvaluationSetup setup)
    {
        var questions = setup.Questions;
        if (questions.Count is < 1 or > MaxQuestions || questions.Select(q => q.Id).Distinct().Count() != questions.Count) return false;
        static bool Text(string? s) => !string.IsNullOrWhiteSpace(s) && s.Length <= MaxTextLength;
        foreach (var q in questions)
        {
            if (string.IsNullOrWhiteSpace(q.Id) || q.Id.Length > 40 || !Text(q.TextFr) || !Text(q.TextEn)) return false;
            if (q.Kind == QuestionKind.SingleChoice ? q.Choices.Count is < 2 or > 10 || q.Choices.Any(c => !Text(c.Fr) || !Text(c.En)) : q.Choices.Count > 0)
                return false;
        }
        var s = setup.Schedule;
        return s.ClosesAt > s.SendAt && s.ReminderAfter is null || s.ReminderAfter > TimeSpan.Zero && s.SendAt + s.ReminderAfter < s.ClosesAt;
    }

    private MailSchedule Schedule => ServiceProvider.GetService<IOptions<MailSchedule>>()?.Value ?? new MailSchedule();

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
    }
}
