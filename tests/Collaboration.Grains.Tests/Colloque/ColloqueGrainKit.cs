using Collaboration.Grains.Colloque;

namespace Collaboration.Grains.Tests.Colloque;

/// <summary>A colloque with open registration, made through its grains, for the grain-level tests.</summary>
internal static class ColloqueGrainKit
{
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    public static async Task<Guid> OpenColloqueAsync(GrainsSilo silo, int? total, IReadOnlyDictionary<AttendeeCategory, int>? quotas = null,
        int? waitlist = null)
    {
        var colloque = Guid.NewGuid();
        await silo.Grains.GetGrain<IColloqueGrain>(colloque).CreateAsync(new("Colloque régional", new DateOnly(2027, 5, 13), "Cégep de Joliette")).WaitAsync(Within);
        await silo.Grains.GetGrain<IColloqueSignupsGrain>(colloque).SetSettingsAsync(new RegistrationSettings(
            silo.Clock.GetUtcNow().AddDays(-1), silo.Clock.GetUtcNow().AddDays(30), total, quotas ?? new Dictionary<AttendeeCategory, int>(), "Joliette", waitlist))
            .WaitAsync(Within);
        return colloque;
    }

    public static Task<SignupOutcome> SelfRegisterAsync(GrainsSilo silo, Guid colloque, string name,
        AttendeeCategory category = AttendeeCategory.Employer, IReadOnlyList<Guid>? choices = null)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@exemple.qc.ca";
        return silo.Grains.GetGrain<IRegistrationGrain>(BadgeCodes.New()).RegisterSelfAsync(colloque, new SelfRegistration(
            new AttendeeDetails(name, "CJE", category, email), null, "hash", "fr", DateTimeOffset.UtcNow, "sealed", "e:" + email, choices ?? []))
            .WaitAsync(Within);
    }
}
