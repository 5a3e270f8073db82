using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Partners;

[GrainType("partner-organisation")]
public sealed class PartnerOrganisationGrain(
    [PersistentState("partner-organisation", StorageNames.Grains)] IPersistentState<PartnerOrganisationState> state, TimeProvider clock)
    : DurableGrain<PartnerOrganisationState>(state, clock), IPartnerOrganisationGrain
{
    public async Task<PartnerResult> CreateAsync(string slug, PartnerProfile profile)
    {
        if (State.Exists) return new(PartnerOutcome.AlreadyExists, View());
        if (!PartnerProfileRules.IsValid(profile) || string.IsNullOrWhiteSpace(slug)) return new(PartnerOutcome.Invalid, null);
        State.Exists = true;
        State.Slug = slug;
        State.Profile = profile;
        State.Version = 1;
        State.CreatedAt = State.UpdatedAt = Now;
        await WriteStateAsync();
        await IndexAsync();
        return new(PartnerOutcome.Done, View());
    }

    public async Task<PartnerResult> UpdateAsync(PartnerProfile profile, long expectedVersion)
    {
        if (!State.Exists) return new(PartnerOutcome.NotFound, null);
        if (State.Version != expectedVersion) return new(PartnerOutcome.Stale, View());
        if (!PartnerProfileRules.IsValid(profile)) return new(PartnerOutcome.Invalid, View());
        State.Profile = profile;
        State.Version++;
        State.UpdatedAt = Now;
        await WriteStateAsync();
        await IndexAsync();
        return new(PartnerOutcome.Done, View());
    }

    public Task<PartnerOrganisationView?> GetAsync() => Task.FromResult(State.Exists ? View() : null);

    private Task IndexAsync() =>
        GrainFactory.GetGrain<IPartnerDirectoryGrain>(PartnerDirectoryGrain.Key).UpsertAsync(PartnerDirectoryEntry.From(View()));

    private PartnerOrganisationView View() => new(GrainGuidKey, State.Slug, State.Profile!, State.Version, State.CreatedAt, State.UpdatedAt);
}
