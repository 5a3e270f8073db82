using Collaboration.Grains.Participation;
using Collaboration.Web.Partners;

namespace Collaboration.Web.Participation;

/// <summary>The MRC of an organisation, matched by name in the partner directory (as the activity report matches it).</summary>
public sealed class OrganisationMrcs(PartnersService partners) : IOrganisationMrcs
{
    public async Task<Func<string, Mrc?>> LoadAsync()
    {
        var names = new OrganisationNameIndex(await partners.Directory.ListAsync());
        return organisation => names.Find(organisation)?.Profile.Mrc;
    }
}
