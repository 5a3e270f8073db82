using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>MRCs as spreadsheets and forms spell them ("MRC Les Moulins", "lesMoulins"…); JSON uses the enum's own name.</summary>
public static class MrcSpellings
{
    private static readonly Dictionary<string, Mrc> Spellings = new(StringComparer.Ordinal)
    {
        ["dautray"] = Mrc.DAutray, ["d autray"] = Mrc.DAutray, ["mrc de d autray"] = Mrc.DAutray, ["mrc d autray"] = Mrc.DAutray,
        ["joliette"] = Mrc.Joliette, ["mrc de joliette"] = Mrc.Joliette, ["mrc joliette"] = Mrc.Joliette,
        ["lassomption"] = Mrc.LAssomption, ["l assomption"] = Mrc.LAssomption, ["mrc de l assomption"] = Mrc.LAssomption,
        ["mrc l assomption"] = Mrc.LAssomption,
        ["matawinie"] = Mrc.Matawinie, ["mrc de matawinie"] = Mrc.Matawinie, ["mrc matawinie"] = Mrc.Matawinie,
        ["montcalm"] = Mrc.Montcalm, ["mrc de montcalm"] = Mrc.Montcalm, ["mrc montcalm"] = Mrc.Montcalm,
        ["lesmoulins"] = Mrc.LesMoulins, ["les moulins"] = Mrc.LesMoulins, ["mrc les moulins"] = Mrc.LesMoulins,
        ["mrc des moulins"] = Mrc.LesMoulins, ["mrc de les moulins"] = Mrc.LesMoulins,
        ["outsideregion"] = Mrc.OutsideRegion, ["outside"] = Mrc.OutsideRegion, ["outside the region"] = Mrc.OutsideRegion,
        ["hors region"] = Mrc.OutsideRegion, ["hors lanaudiere"] = Mrc.OutsideRegion, ["autre region"] = Mrc.OutsideRegion,
    };

    /// <summary>Empty text is "not given" (true, null); unknown text is false.</summary>
    public static bool TryParse(string? text, out Mrc? mrc)
    {
        mrc = null;
        var folded = NameFolding.Fold(text);
        if (folded.Length == 0) return true;
        if (!Spellings.TryGetValue(folded, out var found)) return false;
        mrc = found;
        return true;
    }
}
