namespace Collaboration.Web.Partners;

/// <summary>Two organisations that are probably one, and why ("name": same name in the same MRC; "email": same email domain; "website": same site).</summary>
public sealed record LikelyDuplicates(PartnerRecord First, PartnerRecord Second, IReadOnlyList<string> Reasons);
