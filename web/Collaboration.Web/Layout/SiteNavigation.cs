using System.Security.Claims;
using Collaboration.Web.Accounts;

namespace Collaboration.Web.Layout;

/// <summary>The areas of the header, and which of them a person may use.</summary>
public static class SiteNavigation
{
    public const string Table = "table";
    public const string Workshops = "workshops";
    public const string WorkshopsAdmin = "workshops-admin";
    public const string Colloque = "colloque";
    public const string Desk = "desk";
    public const string Directory = "directory";
    public const string Board = "board";
    public const string Report = "report";
    public const string PortalAdmin = "portal-admin";

    /// <summary>Every area, in header order.</summary>
    public static readonly IReadOnlyList<NavigationArea> All =
    [
        new(Directory, "/repertoire", "shell.nav.directory"),
        new(Table, "/meetings.html", "shell.nav.table"),
        new(Board, "/coordination", "shell.nav.board"),
        new(Workshops, "/workshops/", "shell.nav.workshops"),
        new(WorkshopsAdmin, "/workshops/admin.html", "shell.nav.workshopsAdmin"),
        new(Colloque, "/colloque.html", "shell.nav.colloque"),
        new(Desk, "/colloque-desk.html", "shell.nav.desk"),
        new(Report, "/rapport", "shell.nav.report"),
        new(PortalAdmin, "/portail/gestion", "shell.nav.portalAdmin"),
    ];

    /// <summary>The areas user may open, in header order. Public visitors get the public ones (the workshop catalogue).</summary>
    public static IReadOnlyList<NavigationArea> For(ClaimsPrincipal user) => All.Where(a => MayUse(user, a.Id)).ToArray();

    private static bool MayUse(ClaimsPrincipal user, string area) => area switch
    {
        Workshops or Directory => true,
        Table or Board => user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Member),
        Desk => user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Desk),
        _ => user.IsInRole(Roles.Organiser),
    };
}
