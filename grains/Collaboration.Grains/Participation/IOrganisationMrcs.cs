using Collaboration.Grains.Partners;

namespace Collaboration.Grains.Participation;

/// <summary>
/// The MRC an organisation counts for (the partner directory's, matched by name as the activity report does);
/// provided by the web host. Without it, only the MRC an attendee gave is known.
/// </summary>
public interface IOrganisationMrcs
{
    Task<Func<string, Mrc?>> LoadAsync();
}
