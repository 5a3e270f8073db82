using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Reports;

/// <summary>The report's figures in order, with their FR/EN labels; rates are computed from two counted facts.</summary>
public static class ReportFigures
{
    public const string MeetingsHeld = "meetings-held";
    public const string AttendanceExpected = "attendance-expected";
    public const string AttendancePresent = "attendance-present";
    public const string AttendanceRate = "attendance-rate";
    public const string QuorumReached = "quorum-reached";
    public const string Decisions = "decisions";
    public const string ActionItemsOpened = "action-items-opened";
    public const string ActionItemsClosed = "action-items-closed";
    public const string WorkshopsHeld = "workshops-held";
    public const string EmployersRegistered = "employers-registered";
    public const string EmployersAttended = "employers-attended";
    public const string ColloqueRegistrations = "colloque-registrations";
    public const string ColloqueArrivals = "colloque-arrivals";
    public const string EvaluationsInvited = "evaluations-invited";
    public const string EvaluationsAnswered = "evaluations-answered";
    public const string EvaluationResponseRate = "evaluation-response-rate";
    public const string EvaluationSatisfaction = "evaluation-satisfaction";

    /// <summary>"Non précisée": the person or employer is not linked to a partner organisation.</summary>
    public const string UnknownMrc = "non-precisee";

    public static string Category(string figure, AttendeeCategory category) => $"{figure}.{CategoryCode(category)}";

    public static string CategoryCode(AttendeeCategory category) => category switch
    {
        AttendeeCategory.Employer => "employer",
        AttendeeCategory.ElectedOfficial => "elected-official",
        AttendeeCategory.CommunityOrganisation => "community-organisation",
        AttendeeCategory.Institution => "institution",
        AttendeeCategory.Mrc => "mrc",
        _ => "other",
    };

    public static IReadOnlyList<(string Key, string Fr, string En)> All { get; } = BuildAll();

    private static List<(string, string, string)> BuildAll()
    {
        var all = new List<(string, string, string)>
        {
            (MeetingsHeld, "Rencontres de la Table tenues", "Table meetings held"),
            (AttendanceRate, "Taux de présence (présents ou à distance / membres convoqués)", "Attendance rate (present or remote / members on the roster)"),
            (QuorumReached, "Rencontres où le quorum a été atteint", "Meetings where the quorum was reached"),
            (Decisions, "Décisions", "Decisions"),
            (ActionItemsOpened, "Tâches ouvertes (consignées en rencontre)", "Action items opened (recorded in a meeting)"),
            (ActionItemsClosed, "Tâches fermées", "Action items closed"),
            (WorkshopsHeld, "Ateliers tenus", "Workshops held"),
            (EmployersRegistered, "Employeurs inscrits (inscriptions confirmées)", "Employers registered (confirmed registrations)"),
            (EmployersAttended, "Employeurs présents", "Employers who attended"),
            (ColloqueRegistrations, "Inscriptions au colloque", "Colloque registrations"),
        };
        foreach (var c in Enum.GetValues<AttendeeCategory>())
            all.Add((Category(ColloqueRegistrations, c), $"— dont {CategoryFr(c)}", $"— of which {CategoryEn(c)}"));
        all.Add((ColloqueArrivals, "Arrivées au colloque", "Colloque arrivals"));
        foreach (var c in Enum.GetValues<AttendeeCategory>())
            all.Add((Category(ColloqueArrivals, c), $"— dont {CategoryFr(c)}", $"— of which {CategoryEn(c)}"));
        all.Add((EvaluationsInvited, "Évaluations envoyées (personnes présentes)", "Evaluations sent (people present)"));
        all.Add((EvaluationResponseRate, "Taux de réponse aux évaluations", "Evaluation response rate"));
        all.Add((EvaluationSatisfaction, "Satisfaction moyenne (sur 5)", "Mean satisfaction (out of 5)"));
        return all;
    }

    private static string CategoryFr(AttendeeCategory c) => c switch
    {
        AttendeeCategory.Employer => "employeurs",
        AttendeeCategory.ElectedOfficial => "élus",
        AttendeeCategory.CommunityOrganisation => "organismes communautaires",
        AttendeeCategory.Institution => "institutions",
        AttendeeCategory.Mrc => "MRC",
        _ => "autres",
    };

    private static string CategoryEn(AttendeeCategory c) => c switch
    {
        AttendeeCategory.Employer => "employers",
        AttendeeCategory.ElectedOfficial => "elected officials",
        AttendeeCategory.CommunityOrganisation => "community organisations",
        AttendeeCategory.Institution => "institutions",
        AttendeeCategory.Mrc => "MRCs",
        _ => "others",
    };
}
