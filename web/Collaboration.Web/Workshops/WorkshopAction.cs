namespace Collaboration.Web.Workshops;

/// <summary>What one may do with workshops (see <see cref="WorkshopsPermissions"/>).</summary>
public enum WorkshopAction
{
    /// <summary>The catalogue, a workshop's page and its public (counts only) live topic.</summary>
    Browse,
    /// <summary>Register for a workshop.</summary>
    Register,
    /// <summary>Read, change or cancel one's registration: whoever holds its manage token.</summary>
    ManageOwnRegistration,
    /// <summary>Create and change workshops, the registrant list and attendance, past workshops, the admin live topic.</summary>
    Organise,
}
