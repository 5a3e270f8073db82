using Collaboration.Grains.Partners;
using Collaboration.Web.Accounts;
using Collaboration.Web.Partners;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Partners;

/// <summary>
/// The organisers' page for the partner organisations: every organisation, public or hidden, per MRC (<c>?mrc=</c>),
/// with a form to add one and, for each, a form to edit it and a button to hide it from the public portal (or show
/// it again); above them, the likely duplicates, each pair with a button per organisation to keep it and merge the other into it. Saves go through <c>/api/partners</c> with the version shown; the portal follows at once.
/// </summary>
[Authorize(Policy = AuthenticationSetup.OrganiserPolicy)]
public sealed class PartnersAdminModel(PartnersService partners) : PageModel
{
    public const int Limit = 200;

    public string? Mrc { get; private set; }

    public PartnerSearchResult Result { get; private set; } = null!;

    public int AllCount { get; private set; }

    /// <summary>The pairs that look like one organisation entered twice, across every MRC.</summary>
    public IReadOnlyList<LikelyDuplicates> Duplicates { get; private set; } = [];

    public async Task OnGetAsync(string? mrc)
    {
        var parsed = PartnerCodes.ParseMrc(mrc);
        Mrc = parsed is { } m ? PartnerCodes.Code(m) : null;
        Result = await partners.Directory.SearchAsync(new PartnerQuery(Mrc: parsed, IncludeNonPublic: true, Take: Limit));
        AllCount = parsed is null ? Result.Total : (await partners.Directory.SearchAsync(new PartnerQuery(IncludeNonPublic: true, Take: 1))).Total;
        Duplicates = DuplicateFinder.Find(await partners.Directory.ListAsync());
    }

    public static IEnumerable<string> MrcCodes => Mrcs.All.Select(Mrcs.Code);
}
