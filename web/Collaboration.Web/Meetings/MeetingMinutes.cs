using System.Globalization;
using System.Text;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Platform;
using Collaboration.Web.Calendar;

namespace Collaboration.Web.Meetings;

/// <summary>The procès-verbal of a meeting, as data, Markdown, the action items as CSV and the meeting as iCalendar (<see cref="MeetingCalendar"/>).</summary>
public sealed record MeetingMinutes(
    MeetingView Meeting,
    IReadOnlyList<MinutesAgendaItem> Items,
    IReadOnlyList<MinutesAttendee> Attendance,
    IReadOnlyList<ActionItemView> ActionItems,
    IReadOnlyList<ActionItemView> FollowUps)
{

    public static MeetingMinutes From(MeetingView meeting) => new(
        meeting,
        [.. meeting.Agenda.Select(i => new MinutesAgendaItem(i, [.. meeting.Decisions.Where(d => d.AgendaItemId == i.Id).Select(d => MinutesDecision.From(d, meeting))],
            [.. meeting.ActionItems.Where(a => a.AgendaItemId == i.Id)]))],
        [.. meeting.Members.Select(m =>
        {
            var entry = meeting.Attendance.FirstOrDefault(a => a.MemberId == m.Id);
            return new MinutesAttendee(m, entry?.Status, entry?.ArrivedAt);
        })],
        meeting.ActionItems,
        meeting.FollowUps);

    public string ToMarkdown(bool english)
    {
        string L(string fr, string en) => english ? en : fr;
        var m = Meeting;
        var sb = new StringBuilder();
        sb.AppendLine($"# {L("Procès-verbal", "Minutes")} — {Md(m.Title)}").AppendLine();
        sb.AppendLine($"- **{L("Table", "Table")}** : {Md(m.TableName)}");
        sb.AppendLine($"- **{L("Date", "Date")}** : {When(m.StartsAt, english)}");
        if (m.Location.Length > 0) sb.AppendLine($"- **{L("Lieu", "Location")}** : {Md(m.Location)}");
        sb.AppendLine($"- **{L("Quorum", "Quorum")}** : {m.Quorum.Counted} / {m.Quorum.Required} — {(m.Quorum.Reached ? L("atteint", "reached") : L("non atteint", "not reached"))}");
        if (m.Status != MeetingStatus.Closed) sb.AppendLine().AppendLine($"> {L("Projet : la rencontre n'est pas close.", "Draft: the meeting is not closed.")}");
        else sb.AppendLine($"- **{L("Statut", "Status")}** : {MinutesState(m.Minutes, english)}");
        sb.AppendLine().AppendLine($"## {L("Présences", "Attendance")}").AppendLine();
        foreach (var a in Attendance)
            sb.AppendLine($"- {Md(a.Member.Name)} ({Md(a.Member.Organisation)}) — {StatusLabel(a.Status, english)}{(a.ArrivedAt is { } at ? $", {L("arrivée", "arrived")} {Time(at, english)}" : "")}");
        sb.AppendLine().AppendLine($"## {L("Ordre du jour et décisions", "Agenda and decisions")}").AppendLine();
        var n = 0;
        foreach (var item in Items)
        {
            sb.AppendLine($"### {++n}. {Md(item.Item.Title)}").AppendLine();
            if (item.Item.Presenter.Length > 0) sb.AppendLine($"{L("Présenté par", "Presented by")} {Md(item.Item.Presenter)}.").AppendLine();
            if (item.Item.Notes.Length > 0) sb.AppendLine(Md(item.Item.Notes)).AppendLine();
            foreach (var d in item.Decisions)
                sb.AppendLine(d.MotionId is null ? $"- **{L("Décision", "Decision")}** : {Md(d.Text)}" : $"- **{L("Résolution", "Resolution")}** : {Md(english ? d.TextEn : d.Text)}");
            if (item.Decisions.Count > 0) sb.AppendLine();
        }
        sb.AppendLine($"## {L("Suivis", "Action items")}").AppendLine();
        foreach (var a in ActionItems.Concat(FollowUps))
            sb.AppendLine($"- [{(a.Status == ActionItemStatus.Done ? "x" : " ")}] {Md(a.Text)} — {Md(a.OwnerName)}{(a.Due is { } due ? $", {L("échéance", "due")} {due:yyyy-MM-dd}" : "")}{(a.OriginMeetingTitle is { } origin ? $" ({L("suivi de", "follow-up of")} {Md(origin)})" : "")}");
        // The history of the text: each correction accepted while the minutes were circulated, with what it replaced.
        var corrections = (m.Minutes?.Comments ?? []).Where(c => c.Kind == MinutesCommentKind.Correction && c.Status == MinutesCommentStatus.Accepted).ToList();
        if (corrections.Count > 0)
        {
            sb.AppendLine().AppendLine($"## {L("Corrections apportées après diffusion", "Corrections made after circulation")}").AppendLine();
            foreach (var c in corrections)
                sb.AppendLine($"- {When(c.DecidedAt ?? c.At, english)} — {Md(m.Agenda.FirstOrDefault(i => i.Id == c.AgendaItemId)?.Title ?? "")} : " +
                    $"{L("proposée par", "proposed by")} {Md(c.AuthorName)}, {L("acceptée par", "accepted by")} {Md(c.DecidedBy ?? "")}. " +
                    $"{L("Texte précédent", "Previous text")} : « {Md(c.PreviousText ?? "")} »");
        }
        // Adopted minutes are never edited: errata carried at later meetings follow them.
        if (m.Minutes?.Errata is { Count: > 0 } errata)
        {
            sb.AppendLine().AppendLine($"## {L("Errata", "Errata")}").AppendLine();
            foreach (var e in errata)
                sb.AppendLine($"- {When(e.AdoptedAt, english)} — {L("adopté à la rencontre", "adopted at the meeting")} « {Md(e.AdoptedInMeetingTitle)} » : {Md(e.Text)}");
        }
        return sb.ToString();
    }

    /// <summary>The action items as CSV, through the one export writer (<see cref="Platform.CsvExport"/>).</summary>
    public byte[] ToCsv() => Platform.CsvExport.Build(["Tâche", "Responsable", "Échéance", "Statut", "Point", "Origine"],
        ActionItems.Concat(FollowUps).Select(a => new[]
        {
            a.Text, a.OwnerName, a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            a.Status == ActionItemStatus.Done ? "fait" : "ouvert",
            Meeting.Agenda.FirstOrDefault(i => i.Id == a.AgendaItemId)?.Title ?? "", a.OriginMeetingTitle ?? Meeting.Title,
        }));

    public string ToICalendar(DateTimeOffset now) => CalendarFile.Build(MeetingCalendar.Entry(Meeting), now);

    private static string When(DateTimeOffset at, bool english) => QuebecTime.Sortable(at) + Zone(english);

    private static string Time(DateTimeOffset at, bool english) => QuebecTime.InQuebec(at).ToString("HH:mm", CultureInfo.InvariantCulture) + Zone(english);

    private static string Zone(bool english) => english ? " (Québec time)" : " (heure du Québec)";


    private static string MinutesState(MinutesView? minutes, bool english) => minutes switch
    {
        { Status: MinutesStatus.Adopted, AdoptedAt: { } at } => english
            ? $"adopted on {QuebecTime.DateOf(at):yyyy-MM-dd} ({Md(minutes.AdoptedInMeetingTitle ?? "")})"
            : $"adopté le {QuebecTime.DateOf(at):yyyy-MM-dd} ({Md(minutes.AdoptedInMeetingTitle ?? "")})",
        { Status: MinutesStatus.Circulated, CirculatedAt: { } at } => english
            ? $"circulated to the members on {QuebecTime.DateOf(at):yyyy-MM-dd}, to be adopted at the next meeting"
            : $"diffusé aux membres le {QuebecTime.DateOf(at):yyyy-MM-dd}, à adopter à la prochaine rencontre",
        _ => english ? "draft" : "brouillon",
    };

    private static string StatusLabel(AttendanceStatus? status, bool english) => status switch
    {
        AttendanceStatus.Present => english ? "present" : "présent·e",
        AttendanceStatus.Remote => english ? "remote" : "à distance",
        AttendanceStatus.Absent => english ? "absent" : "absent·e",
        AttendanceStatus.Excused => english ? "excused" : "excusé·e",
        _ => english ? "not recorded" : "non noté",
    };

    /// <summary>Keeps user text from becoming Markdown structure (links, headings, HTML).</summary>
    private static string Md(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r", "").Replace("\n", " "))
        {
            if (@"\`*_{}[]()#+-.!<>|".Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}

public sealed record MinutesAgendaItem(AgendaItemView Item, IReadOnlyList<MinutesDecision> Decisions, IReadOnlyList<ActionItemView> ActionItems);

/// <summary>A decision in the minutes; a vote's result in both languages ("Sur proposition de…", "On a motion by…").</summary>
public sealed record MinutesDecision(Guid Id, string Text, string TextEn, Guid? MotionId, DateTimeOffset RecordedAt)
{
    public static MinutesDecision From(DecisionView decision, MeetingView meeting) =>
        meeting.Motions?.FirstOrDefault(m => m.Id == decision.MotionId) is { } motion
            ? new(decision.Id, decision.Text, MotionWording.English(motion), motion.Id, decision.RecordedAt)
            : new(decision.Id, decision.Text, decision.Text, null, decision.RecordedAt);
}

public sealed record MinutesAttendee(RosterMember Member, AttendanceStatus? Status, DateTimeOffset? ArrivedAt);
