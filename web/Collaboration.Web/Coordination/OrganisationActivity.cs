namespace Collaboration.Web.Coordination;

/// <summary>
/// One partner organisation's part in the coordination: its people on the tables the caller sees,
/// the action items they own, the meetings they attended and (organisers only: employers' data) the
/// workshops its employers registered for.
/// </summary>
public sealed record OrganisationActivity(
    Guid Id, string Name, string Slug, string Mrc, bool IsPublic,
    IReadOnlyList<BoardPerson> People,
    IReadOnlyList<BoardRow> OpenItems,
    IReadOnlyList<BoardRow> ClosedItems,
    IReadOnlyList<AttendedMeeting> MeetingsAttended,
    IReadOnlyList<WorkshopTaken>? Workshops);
