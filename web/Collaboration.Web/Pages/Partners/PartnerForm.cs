using Collaboration.Web.Partners;

namespace Collaboration.Web.Pages.Partners;

/// <summary>The fields of one organisation's form: <see cref="Prefix"/> keeps ids unique on the page; no record = a new one.</summary>
public sealed record PartnerForm(string Prefix, PartnerRecord? Record)
{
    public string Id(string field) => $"{Prefix}-{field}";

    public bool Has(string service) => Record?.Fields.Services.Contains(service) == true;
}
