using Collaboration.Grains.Audit;
using Collaboration.Grains.Audit.Effects;
using Collaboration.Grains.Partners.Effects;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Partners;

[GrainType("partner-organisation")]
public sealed class PartnerOrganisationGrain(
    [PersistentState("partner-organisation", StorageNames.Grains)] IPersistentState<PartnerOrganisationState> state, TimeProvider clock)
    : AfterCommitGrain<PartnerOrganisationState>(state, clock), IPartnerOrganisationGrain
{
    public async Task<PartnerResult> CreateAsync(string slug, PartnerProfile profile, string? by = null)
    {
        if (State.Exists) return new(PartnerOutcome.AlreadyExists, View());
        if (!PartnerProfileRules.IsValid(profile) || string.IsNullOrWhiteSpace(slug)) return new(PartnerOutcome.Invalid, null);
        State.Exists = true;
        State.Slug = slug;
        State.Profile = profile;
        State.Version = 1;
        State.CreatedAt = State.UpdatedAt = Now;
        Audit(AuditAction.PartnerCreated, by);
        await CommitAndIndexAsync();
        return new(PartnerOutcome.Done, View());
    }

    public async Task<PartnerResult> UpdateAsync(PartnerProfile profile, long expectedVersion, string? by = null)
    {
        if (!State.Exists) return new(PartnerOutcome.NotFound, null);
        if (State.MergedInto is not null) return new(PartnerOutcome.Merged, View());
        if (State.Version != expectedVersion) return new(PartnerOutcome.Stale, View());
        if (!PartnerProfileRules.IsValid(profile)) return new(PartnerOutcome.Invalid, View());
        var visibility = profile.IsPublic == State.Profile!.IsPublic ? null : profile.IsPublic ? "public" : "hidden";
        State.Profile = profile;
        State.Version++;
        State.UpdatedAt = Now;
        Audit(AuditAction.PartnerEdited, by, visibility);
        await CommitAndIndexAsync();
        return new(PartnerOutcome.Done, View());
    }

    public Task<PartnerOrganisationView?> GetAsync() => Task.FromResult(State.Exists ? View() : null);

    public async Task<PartnerResult> MergeIntoAsync(Guid survivorId, long expectedVersion, string by)
    {
        if (!State.Exists) return new(PartnerOutcome.NotFound, null);
        if (State.MergedInto == survivorId) return new(PartnerOutcome.Done, View());
        if (State.MergedInto is not null) return new(PartnerOutcome.Merged, View());
        if (State.Version != expectedVersion) return new(PartnerOutcome.Stale, View());
        if (survivorId == GrainGuidKey) return new(PartnerOutcome.Invalid, View());
        var survivor = await GrainFactory.GetGrain<IPartnerOrganisationGrain>(survivorId).GetAsync();
        if (survivor is null) return new(PartnerOutcome.NotFound, null);
        if (survivor.MergedInto is not null) return new(PartnerOutcome.Invalid, View());
        State.MergedInto = survivorId;
        State.Version++;
        State.UpdatedAt = Now;
        var names = State.Profile!.Aliases.Prepend(State.Profile.Name).ToList();
        var absorbed = RecordEffect(new AbsorbDuplicate(survivorId, GrainGuidKey, names));
        var relinked = RecordEffect(new RelinkMembers(GrainGuidKey, survivorId));
        Audit(AuditAction.PartnerMerged, by, survivor.Profile.Name);
        await CommitAndIndexAsync();
        await DeliveredAsync(absorbed, relinked); // the organiser's next page shows the survivor with the names and the members
        return new(PartnerOutcome.Done, View());
    }

    public async Task AbsorbAsync(Guid duplicateId, IReadOnlyList<string> names)
    {
        if (!State.Exists || State.Absorbed.Contains(duplicateId)) return;
        State.Absorbed.Add(duplicateId);
        var profile = State.Profile!;
        var aliases = profile.Aliases.Concat(names)
            .Where(n => !string.Equals(n, profile.Name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(PartnerProfileRules.MaxAliases).ToList();
        State.Profile = profile with { Aliases = aliases };
        State.Version++;
        State.UpdatedAt = Now;
        await CommitAndIndexAsync();
    }

    /// <summary>Writes the change with the directory's copy of it as an effect, and answers once the directory has it.</summary>
    private async Task CommitAndIndexAsync()
    {
        var indexed = RecordEffect(new IndexPartner(PartnerDirectoryEntry.From(View())));
        await WriteStateAsync();
        await DeliveredAsync(indexed);
    }

    private void Audit(AuditAction action, string? by, string? detail = null) =>
        RecordEffect(new RecordAudit(AuditEntry.New(Now, action, by, State.Profile!.Name, detail)));

    private PartnerOrganisationView View() =>
        new(GrainGuidKey, State.Slug, State.Profile!, State.Version, State.CreatedAt, State.UpdatedAt, State.MergedInto);
}
