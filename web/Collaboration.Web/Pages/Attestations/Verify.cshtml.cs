using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Attestations;

/// <summary>The public verification page an attestation's QR code leads to: valid or not, and nothing else.</summary>
public sealed class VerifyModel(Web.Attestations.Attestations attestations) : PageModel
{
    public string Code { get; private set; } = "";

    public bool Valid { get; private set; }

    public async Task OnGetAsync(string code)
    {
        Code = Grains.Attestations.AttestationRegistryGrain.Normalize(code ?? "");
        Valid = await attestations.VerifyAsync(Code);
    }
}
