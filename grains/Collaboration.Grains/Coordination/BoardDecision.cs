using Collaboration.Grains.Meetings;

namespace Collaboration.Grains.Coordination;

/// <summary>A decision of one of the table's meetings as the board lists it; a vote's result in both languages.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardDecision(
    Guid Id, Guid MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt, string AgendaItemTitle, string Text, string TextEn,
    Guid? MotionId, DateTimeOffset RecordedAt)
{
    public static BoardDecision From(DecisionView decision, MeetingView meeting) =>
        new(decision.Id, meeting.Id, meeting.Title, meeting.StartsAt, meeting.Agenda.FirstOrDefault(i => i.Id == decision.AgendaItemId)?.Title ?? "",
            decision.Text, meeting.Motions?.FirstOrDefault(m => m.Id == decision.MotionId) is { } motion ? MotionWording.English(motion) : decision.Text,
            decision.MotionId, decision.RecordedAt);
}
