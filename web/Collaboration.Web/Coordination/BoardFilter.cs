using System.Globalization;
using Collaboration.Web.Partners;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Coordination;

/// <summary>The board's filters, as URL parameters: table, mrc, organisation, owner, dueFrom, dueTo (YYYY-MM-DD), overdue, status (open, done, all).</summary>
public sealed record BoardFilter(
    Guid? Table = null, string? Mrc = null, Guid? Organisation = null, Guid? Owner = null,
    DateOnly? DueFrom = null, DateOnly? DueTo = null, bool Overdue = false, string Status = "open")
{
    public static (BoardFilter? Filter, Dictionary<string, BilingualText> Errors) Parse(
        Guid? table, string? mrc, Guid? organisation, Guid? owner, string? dueFrom, string? dueTo, bool? overdue, string? status)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (!string.IsNullOrEmpty(mrc) && mrc != "non-precisee" && PartnerCodes.ParseMrc(mrc) is null) errors["mrc"] = new("MRC inconnue.", "Unknown MRC.");
        var from = Date(errors, "dueFrom", dueFrom);
        var to = Date(errors, "dueTo", dueTo);
        if (status is not (null or "" or "open" or "done" or "all")) errors["status"] = new("statut : open, done ou all.", "status: open, done or all.");
        return errors.Count > 0 ? (null, errors) : (new BoardFilter(table, string.IsNullOrEmpty(mrc) ? null : mrc, organisation, owner, from, to,
            overdue == true, string.IsNullOrEmpty(status) ? "open" : status), errors);
    }

    public bool Keeps(BoardRow row) =>
        (Table is null || row.TableId == Table) &&
        (Mrc is null || (row.OwnerMrc ?? "non-precisee") == Mrc) &&
        (Organisation is null || row.OwnerOrganisationId == Organisation) &&
        (Owner is null || row.OwnerMemberId == Owner) &&
        (DueFrom is null || row.Due >= DueFrom) &&
        (DueTo is null || row.Due <= DueTo) &&
        (!Overdue || row.Overdue) &&
        (Status == "all" || row.Status == Status);

    private static DateOnly? Date(Dictionary<string, BilingualText> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[field] = new("Date invalide (AAAA-MM-JJ).", "Invalid date (YYYY-MM-DD).");
        return null;
    }
}
