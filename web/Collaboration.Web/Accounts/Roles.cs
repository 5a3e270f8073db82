namespace Collaboration.Web.Accounts;

/// <summary>The roles of DESIGN.md, as cookie role claims.</summary>
public static class Roles
{
    public const string Organiser = "organiser";
    public const string Member = "member";
    public const string Desk = "desk";
}
