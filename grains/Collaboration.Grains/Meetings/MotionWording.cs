using System.Globalization;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// A vote's result in the words Québec boards use: "Sur proposition de X, appuyée par Y, il est résolu que…
/// Adoptée à l'unanimité (n pour, 0 contre, 0 abstention)." — and in English for English readers. The decision's
/// text is the French wording (the minutes' language); the English one is built from the motion when asked.
/// </summary>
public static class MotionWording
{
    private const string ResolvedFr = "il est résolu que";
    private const string ResolvedEn = "it is resolved that";

    public static string Of(MotionView motion, bool english) => english ? English(motion) : French(motion);

    public static string French(MotionView m)
    {
        var text = $"Sur proposition de {m.ProposerName}, appuyée par {m.SeconderName}, {ResolvedFr} {Resolution(m.Text)}";
        var t = m.Tally ?? new MotionTally(0, 0, 0, 0, HandCount.None);
        var counts = $"({t.For} pour, {t.Against} contre, {t.Abstain} {(t.Abstain > 1 ? "abstentions" : "abstention")})";
        var result = m.Status switch
        {
            MotionStatus.Adopted when t.Against == 0 && t.Abstain == 0 => $"Adoptée à l'unanimité {counts}.",
            MotionStatus.Adopted => $"Adoptée à la majorité {counts}.",
            MotionStatus.Rejected => $"Rejetée {counts}.",
            MotionStatus.NoQuorum => $"Non adoptée, faute de quorum au moment du vote ({m.PresentAtClose ?? m.PresentAtOpen} {(m.PresentAtClose > 1 ? "membres présents" : "membre présent")}, quorum de {m.QuorumRequired}).",
            MotionStatus.Withdrawn => "Proposition retirée.",
            _ => "Vote en cours.",
        };
        var names = m.Kind == MotionKind.Open && m.Status is MotionStatus.Adopted or MotionStatus.Rejected ? Names(m, "Pour", "Contre", "Abstention", " : ", " ; ", "à main levée") : "";
        return $"{text} {result}{names}";
    }

    public static string English(MotionView m)
    {
        var text = $"On a motion by {m.ProposerName}, seconded by {m.SeconderName}, {ResolvedEn} {Resolution(m.Text)}";
        var t = m.Tally ?? new MotionTally(0, 0, 0, 0, HandCount.None);
        var counts = $"({t.For} for, {t.Against} against, {t.Abstain} {(t.Abstain == 1 ? "abstention" : "abstentions")})";
        var result = m.Status switch
        {
            MotionStatus.Adopted when t.Against == 0 && t.Abstain == 0 => $"Carried unanimously {counts}.",
            MotionStatus.Adopted => $"Carried by a majority {counts}.",
            MotionStatus.Rejected => $"Defeated {counts}.",
            MotionStatus.NoQuorum => $"Not adopted: no quorum at the time of the vote ({m.PresentAtClose ?? m.PresentAtOpen} present, quorum {m.QuorumRequired}).",
            MotionStatus.Withdrawn => "Motion withdrawn.",
            _ => "Vote in progress.",
        };
        var names = m.Kind == MotionKind.Open && m.Status is MotionStatus.Adopted or MotionStatus.Rejected ? Names(m, "For", "Against", "Abstaining", ": ", "; ", "by show of hands") : "";
        return $"{text} {result}{names}";
    }

    /// <summary>The resolution as typed, without a repeated "il est résolu que", ending with a period.</summary>
    private static string Resolution(string typed)
    {
        var text = typed.Trim();
        foreach (var prefix in new[] { ResolvedFr, ResolvedEn })
            if (text.StartsWith(prefix, true, CultureInfo.InvariantCulture)) text = text[prefix.Length..].TrimStart(' ', ',', ':');
        text = text.TrimEnd();
        return text.Length > 0 && ".!?…".Contains(text[^1]) ? text : text + ".";
    }

    /// <summary>An open vote's names by choice, and the show of hands as a number.</summary>
    private static string Names(MotionView m, string forLabel, string againstLabel, string abstainLabel, string colon, string separator, string byHands)
    {
        var parts = new List<string>();
        void Add(string label, BallotChoice choice, int hands)
        {
            var names = (m.Votes ?? []).Where(v => v.Choice == choice).Select(v => v.Name).ToList();
            if (hands > 0) names.Add($"{hands} {byHands}");
            if (names.Count > 0) parts.Add($"{label}{colon}{string.Join(", ", names)}");
        }
        var hands = m.Tally?.Hands ?? HandCount.None;
        Add(forLabel, BallotChoice.For, hands.For);
        Add(againstLabel, BallotChoice.Against, hands.Against);
        Add(abstainLabel, BallotChoice.Abstain, hands.Abstain);
        return parts.Count > 0 ? " " + string.Join(separator, parts) + "." : "";
    }
}
