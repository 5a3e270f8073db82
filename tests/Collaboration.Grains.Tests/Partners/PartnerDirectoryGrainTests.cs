using Collaboration.Grains.Partners;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Tests.Partners;

public sealed class PartnerDirectoryGrainTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    private static PartnerProfile Profile(string name) =>
        new(name, Mrc.Joliette, Sector.Communautaire, [ServiceTag.Accueil], "", "", "", "", "", ["fr"], "", "", [], true);

    [Fact]
    public async Task AnOrganisationsChanges_ReachTheDirectory_AndAnOlderVersionNeverWinsBack()
    {
        var directory = silo.Grains.GetGrain<IPartnerDirectoryGrain>(PartnerDirectoryGrain.Key);
        var id = Guid.NewGuid();
        var organisation = silo.Grains.GetGrain<IPartnerOrganisationGrain>(id);
        var slug = await directory.ReserveSlugAsync(id, $"maison-{id:N}");
        var first = await organisation.CreateAsync(slug, Profile($"Maison {id:N}"));
        await organisation.UpdateAsync(Profile($"Maison renommée {id:N}"), 1);

        await directory.UpsertAsync(PartnerDirectoryEntry.From(first.Current!)); // version 1, arriving late

        var entry = await directory.FindBySlugAsync(slug);
        Assert.Equal($"Maison renommée {id:N}", entry!.Profile.Name);
        Assert.Equal(2, entry.Version);
        Assert.Equal(PartnerOutcome.Stale, (await organisation.UpdateAsync(Profile("Écrasé"), 1)).Outcome);
    }

    [Fact]
    public async Task Slugs_AreUnique_AndStayWithTheirOrganisation()
    {
        var directory = silo.Grains.GetGrain<IPartnerDirectoryGrain>(PartnerDirectoryGrain.Key);
        var wanted = $"centre-{Guid.NewGuid():N}";
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        var forA = await directory.ReserveSlugAsync(a, wanted);
        var forB = await directory.ReserveSlugAsync(b, wanted);
        var againForA = await directory.ReserveSlugAsync(a, wanted);

        Assert.Equal(wanted, forA);
        Assert.Equal($"{wanted}-2", forB);
        Assert.Equal(wanted, againForA);
    }
}
