using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Meetings;

[GrainType("meeting-series")]
public sealed class MeetingSeriesGrain(
    [PersistentState("meeting-series", StorageNames.Grains)] IPersistentState<MeetingSeriesState> state, TimeProvider clock)
    : AfterCommitGrain<MeetingSeriesState>(state, clock), IMeetingSeriesGrain
{
    public async Task<MeetingResult> SetAsync(SeriesSetup setup)
    {
        if (!IsValid(setup)) return Refused(MeetingOutcome.Invalid);
        if (!State.Exists) State.Since = Now;
        State.Exists = true;
        State.Title = setup.Title.Trim();
        State.Location = setup.Location.Trim();
        State.Rule = setup.Rule;
        State.StandingItems = [.. setup.StandingItems.Select(i => i with { Title = i.Title.Trim(), AdoptsMinutes = false })];
        State.Version++;
        await WriteStateAsync();
        return new(MeetingOutcome.Applied, State.Version, View());
    }

    public Task<SeriesView?> GetAsync() => Task.FromResult(State.Exists ? View() : null);

    public async Task<MeetingResult> CreateNextAsync(Guid meetingId, DateTimeOffset expectedStartsAt, MeetingSetup setup)
    {
        if (!State.Exists) return Refused(MeetingOutcome.NotFound);
        if (setup.Quorum < 1) return Refused(MeetingOutcome.Invalid);
        if (State.Occurrences.FirstOrDefault(o => o.StartsAt == expectedStartsAt) is { } created)
            return new(MeetingOutcome.Applied, State.Version, created.MeetingId);
        if (Next() != expectedStartsAt) return Refused(MeetingOutcome.Stale, View());
        State.Occurrences.Add(new SeriesOccurrence(meetingId, expectedStartsAt));
        State.Version++;
        var effect = RecordEffect(new CreateSeriesMeeting(meetingId, setup with
        {
            TableId = GrainGuidKey, Title = State.Title, StartsAt = expectedStartsAt, Location = State.Location,
            Agenda = AgendaTemplate.With(State.StandingItems),
        }));
        await WriteStateAsync();
        await DeliveredAsync(effect); // the organiser is taken to the meeting: it must exist
        return new(MeetingOutcome.Applied, State.Version, meetingId);
    }

    /// <summary>The rule's first date after the last meeting created, and not in the past.</summary>
    private DateTimeOffset Next()
    {
        var after = State.Occurrences.Count > 0 ? State.Occurrences.Max(o => o.StartsAt) : State.Since;
        return State.Rule.NextAfter(after > Now ? after : Now);
    }

    private SeriesView View() => new(GrainGuidKey, State.Version, State.Title, State.Location, State.Rule, [.. State.StandingItems],
        AgendaTemplate.With(State.StandingItems), Next(), [.. State.Occurrences], State.Rule.NextAfter(State.Since));

    private MeetingResult Refused(MeetingOutcome outcome, object? current = null) => new(outcome, State.Version, current);

    private static bool IsValid(SeriesSetup s) =>
        !string.IsNullOrWhiteSpace(s.Title) && s.Title.Trim().Length <= 200 && s.Location.Trim().Length <= 200 && s.Rule is { IsValid: true } &&
        s.StandingItems.Count <= AgendaTemplate.MaxStandingItems &&
        s.StandingItems.All(i => !string.IsNullOrWhiteSpace(i.Title) && i.Title.Trim().Length <= 200 && i.PlannedMinutes is >= 0 and <= 600);
}
