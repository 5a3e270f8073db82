namespace Collaboration.Web.Colloque;

/// <summary>Claims a paired desk's cookie carries: the one colloque it serves and which desk it is.</summary>
public static class ColloqueClaims
{
    public const string ColloqueId = "colloque";
    public const string DeskId = "desk";
}
