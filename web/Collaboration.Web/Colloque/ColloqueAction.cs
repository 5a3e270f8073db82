namespace Collaboration.Web.Colloque;

/// <summary>What one may do with a colloque (see <see cref="ColloquePermissions"/>).</summary>
public enum ColloqueAction
{
    /// <summary>Create and list colloques, the attendee list, desks, badges, the programme, the figures' rebuild.</summary>
    Manage,
    /// <summary>At the door: view, figures, search, scans, walk-ins, badges, room screens, the live topic.</summary>
    Operate,
    /// <summary>Admit beyond the places (a waitlisted attendee, a walk-in when full).</summary>
    AdmitBeyondPlaces,
    /// <summary>The public topics: the programme and places, the room screens.</summary>
    FollowPublicly,
}
