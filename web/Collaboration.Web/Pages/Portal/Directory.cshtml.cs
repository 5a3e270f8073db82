using Collaboration.Grains.Partners;
using Collaboration.Web.Accounts;
using Collaboration.Web.Layout;
using Collaboration.Web.Partners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Portal;

/// <summary>The public directory: the search form, the map and the matching public organisations, all rendered on the server.</summary>
public sealed class DirectoryModel(PartnersService partners) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mrc { get; set; }
    [BindProperty(SupportsGet = true)] public string? Service { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public int Skip { get; set; }

    public PartnerSearchResult Result { get; private set; } = null!;

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public DirectorySearch Search => new(Q, Mrc, Service, Language);

    public async Task OnGetAsync()
    {
        // A filter the page does not know (an old link) is dropped rather than refused.
        var (query, _) = PartnersApi.ParseQuery(Q?.Length > PartnersApi.MaxQueryLength ? Q[..PartnersApi.MaxQueryLength] : Q,
            PartnerCodes.ParseMrc(Mrc) is null ? null : Mrc, PartnerCodes.ParseService(Service) is null ? [] : [Service!],
            Language is not null && PartnerProfileRules.KnownLanguages.Contains(Language) ? Language : null, Math.Max(0, Skip), PageSize);
        Result = await partners.Directory.SearchAsync(query!);
        Counts = Result.ByMrc.ToDictionary(p => PartnerCodes.Code(p.Key), p => p.Value);
    }

    public string PageLink(int skip) => QueryHelpersLink(new Dictionary<string, string?> { ["q"] = Q, ["mrc"] = Mrc, ["service"] = Service, ["language"] = Language, ["skip"] = skip.ToString() });

    private static string QueryHelpersLink(Dictionary<string, string?> values) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/repertoire", values.Where(v => !string.IsNullOrEmpty(v.Value)));
}
