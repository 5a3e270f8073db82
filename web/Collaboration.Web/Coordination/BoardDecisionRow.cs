using Collaboration.Grains.Coordination;

namespace Collaboration.Web.Coordination;

/// <summary>A decision as the board lists it, with its table; a vote's result worded in French and English.</summary>
public sealed record BoardDecisionRow(
    Guid Id, Guid TableId, string TableName, Guid MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt,
    string AgendaItemTitle, string Text, string TextEn, Guid? MotionId, DateTimeOffset RecordedAt)
{
    /// <summary>The board shows the latest decisions of the tables in view.</summary>
    public const int Shown = 20;

    public static BoardDecisionRow From(BoardDecision d, Guid tableId, string tableName) =>
        new(d.Id, tableId, tableName, d.MeetingId, d.MeetingTitle, d.MeetingStartsAt, d.AgendaItemTitle, d.Text, d.TextEn, d.MotionId, d.RecordedAt);

    public string TextIn(string language) => language == "en" ? TextEn : Text;
}
