using Collaboration.Grains.Colloque;
using Collaboration.Grains.Evaluations;
using Collaboration.Grains.Participation;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Workshops;

namespace Collaboration.Grains.Retention;

/// <summary>
/// The retention grain (see <see cref="IRetentionGrain"/>). A run reads which events have passed their period, records for
/// each an <see cref="Anonymise"/> effect, its log line and its "done" mark in one write, then the effects go out after
/// commit (re-driven by the after-commit reminder on any node after a crash). What is marked done is never decided again.
/// </summary>
[GrainType("retention")]
public sealed class RetentionGrain(
    [PersistentState("retention", StorageNames.Grains)] IPersistentState<RetentionState> state, TimeProvider clock)
    : AfterCommitGrain<RetentionState>(state, clock), IRetentionGrain
{
    public const string ReminderName = "retention-daily";
    public static readonly TimeSpan Period = TimeSpan.FromHours(24);

    public Task<RetentionView> GetAsync() => Task.FromResult(new RetentionView(State.Settings,
        [.. State.Log.OrderByDescending(l => l.Id).Select(l => new RetentionLogView(l.Id, l.At, l.Kind, l.Subject, l.Title, l.Records, l.Trigger, l.CompletedAt))],
        State.LastRunAt));

    public async Task<bool> SetSettingsAsync(RetentionSettings settings)
    {
        if (!settings.IsValid) return false;
        State.Settings = settings;
        await WriteStateAsync();
        return true;
    }

    public async Task<IReadOnlyList<RetentionItem>> PreviewAsync() => await DueAsync();

    public async Task<IReadOnlyList<RetentionItem>> RunAsync(RetentionTrigger trigger = RetentionTrigger.Manual)
    {
        var due = await DueAsync();
        foreach (var item in due)
        {
            if (!State.Done.Add(Key(item.Kind, item.Subject))) continue;
            var line = Log(item.Kind, item.Subject, item.Title, item.Records, trigger, "");
            RecordEffect(new Anonymise(line.Id, item.Kind, item.Subject));
        }
        State.LastRunAt = Now;
        await WriteStateAsync();
        return due;
    }

    public async Task EraseAsync(string subject, string reference, string by)
    {
        var title = EventSubject.TryParse(subject, out var parsed) ? (await ParticipationReader.EventAsync(GrainFactory, parsed))?.TitleFr ?? "" : "";
        var line = Log(RetentionKind.PersonErasure, subject, title, 1, RetentionTrigger.Request, by);
        var effect = RecordEffect(new Anonymise(line.Id, RetentionKind.PersonErasure, subject, reference));
        await WriteStateAsync();
        await DeliveredAsync(effect); // the organiser's list shows the person erased when this answers
    }

    public Task EnsureScheduledAsync() => this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), Period);

    protected override async Task OnReminderAsync(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName) await RunAsync(RetentionTrigger.Automatic);
    }

    private RetentionLogEntry Log(RetentionKind kind, string subject, string title, int records, RetentionTrigger trigger, string by)
    {
        var line = new RetentionLogEntry { Id = ++State.LastLogId, At = Now, Kind = kind, Subject = subject, Title = title, Records = records, Trigger = trigger, By = by };
        State.Log.Add(line);
        return line;
    }

    /// <summary>Every event past its period and not yet decided, with how many records hold personal data.</summary>
    private async Task<List<RetentionItem>> DueAsync()
    {
        var settings = State.Settings;
        var items = new List<RetentionItem>();
        var workshopCutoff = Now.AddMonths(-settings.WorkshopRegistrationsMonths);
        var linkCutoff = Now.AddMonths(-settings.EvaluationLinksMonths);
        var evaluationKeys = new List<string>();
        foreach (var id in await GrainFactory.GetGrain<IWorkshopCatalogGrain>("all").ListAsync())
        {
            var session = GrainFactory.GetGrain<IWorkshopSessionGrain>(id);
            if (await session.GetAsync() is not { } view) continue;
            var key = EventSubject.Workshop(id).Key;
            evaluationKeys.Add(key);
            if (view.Details.EndsAt >= workshopCutoff || State.Done.Contains(Key(RetentionKind.WorkshopRegistrations, key))) continue;
            var records = (await session.GetRegistrantsAsync()).Count(r => !r.Anonymised);
            items.Add(new RetentionItem(RetentionKind.WorkshopRegistrations, key, view.Details.TitleFr, view.Details.EndsAt, records));
        }
        var colloqueCutoff = DateOnly.FromDateTime(Now.AddMonths(-settings.ColloqueRegistrationsMonths).UtcDateTime);
        foreach (var colloque in await GrainFactory.GetGrain<IColloqueIndexGrain>("all").ListAsync())
        {
            var key = EventSubject.Colloque(colloque.Id).Key;
            evaluationKeys.AddRange(await Anonymise.ColloqueEvaluationsAsync(GrainFactory, colloque.Id));
            if (colloque.Date >= colloqueCutoff || State.Done.Contains(Key(RetentionKind.ColloqueRegistrations, key))) continue;
            var records = (await GrainFactory.GetGrain<IColloqueDirectoryGrain>(colloque.Id).ListAsync()).Count(e => e.Name.Length > 0);
            items.Add(new RetentionItem(RetentionKind.ColloqueRegistrations, key, colloque.Title,
                new DateTimeOffset(colloque.Date.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero), records));
        }
        foreach (var key in evaluationKeys)
        {
            if (State.Done.Contains(Key(RetentionKind.EvaluationLinks, key))) continue;
            if (await GrainFactory.GetGrain<IEvaluationGrain>(key).GetAsync() is not { Schedule: { } schedule, IsDefaultForm: false } evaluation
                || schedule.ClosesAt >= linkCutoff) continue;
            items.Add(new RetentionItem(RetentionKind.EvaluationLinks, key, evaluation.Event?.TitleFr ?? "", schedule.ClosesAt,
                evaluation.Respondents.Count(r => r.Email.Length > 0)));
        }
        return items;
    }

    private static string Key(RetentionKind kind, string subject) => $"{kind}|{subject}";
}
