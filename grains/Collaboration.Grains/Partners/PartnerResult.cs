namespace Collaboration.Grains.Partners;

/// <summary>Outcome of a change, with the organisation as it is now (also on <see cref="PartnerOutcome.Stale"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record PartnerResult(PartnerOutcome Outcome, PartnerOrganisationView? Current);
