using System.Globalization;
using System.Security.Claims;

namespace Collaboration.Web.Meetings;

/// <summary>
/// One table a signed-in member belongs to, as carried in their cookie (claim
/// <see cref="ClaimType"/>, one per table). The stamp must still match the table's at each request:
/// revoking a member bumps it, so older cookies stop working.
/// </summary>
public sealed record TableMembership(Guid TableId, Guid MemberId, int Stamp)
{
    public const string ClaimType = "concertation:table-member";

    public string ToClaimValue() => string.Create(CultureInfo.InvariantCulture, $"{TableId:N}.{MemberId:N}.{Stamp}");

    public static IReadOnlyList<TableMembership> From(ClaimsPrincipal user) =>
        [.. user.FindAll(ClaimType).Select(c => TryParse(c.Value)).OfType<TableMembership>()];

    public static TableMembership? TryParse(string value)
    {
        var parts = value.Split('.');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var table) && Guid.TryParseExact(parts[1], "N", out var member) &&
               int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var stamp)
            ? new TableMembership(table, member, stamp)
            : null;
    }
}
