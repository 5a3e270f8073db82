namespace Collaboration.Web.Accounts;

/// <summary>How each kind of signed-in party is named as a session subject (see <see cref="Sessions"/>).</summary>
public static class SessionSubjects
{
    public static string Organiser(string email) => Collaboration.Grains.Accounts.OrganiserAccount.SessionSubject(email);

    public static string Member(Guid memberId) => $"member:{memberId:N}";

    public static string Desk(Guid colloqueId, string deskId) => $"desk:{colloqueId}:{deskId}";
}
