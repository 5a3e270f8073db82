using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Tests.Meetings;

public sealed class TableGrainTests : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly GrainsSilo _silo;

    public TableGrainTests(GrainsSilo silo) => _silo = silo;

    [Fact]
    public async Task Table_KeepsMembers_AndRefusesASecondMemberWithTheSameEmail()
    {
        var table = _silo.Grains.GetGrain<ITableGrain>(Guid.NewGuid());
        await table.CreateAsync("Table régionale du Bas-Saint-Laurent", 3, "organisateur").WaitAsync(Timeout);

        var first = await table.AddMemberAsync(Guid.NewGuid(), new("Alice", "Carrefour", Sector.Communautaire, "alice@exemple.qc.ca", MemberRole.Secretary)).WaitAsync(Timeout);
        var duplicate = await table.AddMemberAsync(Guid.NewGuid(), new("Alice bis", "Autre", Sector.Autre, "ALICE@exemple.qc.ca", MemberRole.Member)).WaitAsync(Timeout);

        Assert.Equal(TableOutcome.Done, first);
        Assert.Equal(TableOutcome.AlreadyExists, duplicate);
        var view = (await table.GetAsync())!;
        Assert.Equal(3, view.Quorum);
        Assert.Equal(MemberRole.Secretary, Assert.Single(view.Members).Role);
    }

    [Fact]
    public async Task RevokingAccess_BumpsTheStamp_AndReturnsTheLinkToRevoke_AndReissuingRestoresAccess()
    {
        var table = _silo.Grains.GetGrain<ITableGrain>(Guid.NewGuid());
        await table.CreateAsync("Table", 1, "organisateur").WaitAsync(Timeout);
        var member = Guid.NewGuid();
        await table.AddMemberAsync(member, new("Bruno", "Ville", Sector.Municipal, "bruno@exemple.qc.ca", MemberRole.Member)).WaitAsync(Timeout);
        await table.SetSignInLinkAsync(member, "hash-1").WaitAsync(Timeout);

        var revoked = await table.RevokeAccessAsync(member).WaitAsync(Timeout);
        var afterRevoke = (await table.GetAsync())!.Member(member)!;
        var reissued = await table.SetSignInLinkAsync(member, "hash-2").WaitAsync(Timeout);
        var afterReissue = (await table.GetAsync())!.Member(member)!;

        Assert.Equal("hash-1", revoked.PreviousLinkHash);
        Assert.True(afterRevoke.AccessRevoked);
        Assert.Equal(1, afterRevoke.AccessStamp);
        Assert.Null(reissued.PreviousLinkHash);
        Assert.False(afterReissue.AccessRevoked);
        Assert.Equal(1, afterReissue.AccessStamp); // cookies issued before the revocation stay dead
    }

    [Fact]
    public async Task MemberAccess_FollowsTheRevocationAndTheRole_AndIsNullForAStranger()
    {
        // Arrange
        var table = _silo.Grains.GetGrain<ITableGrain>(Guid.NewGuid());
        var before = await table.GetAccessAsync(Guid.NewGuid()).WaitAsync(Timeout);
        await table.CreateAsync("Table", 1, "organisateur").WaitAsync(Timeout);
        var member = Guid.NewGuid();
        await table.AddMemberAsync(member, new("Chloé", "Ville", Sector.Municipal, "chloe@exemple.qc.ca", MemberRole.Secretary)).WaitAsync(Timeout);

        // Act
        var active = await table.GetAccessAsync(member).WaitAsync(Timeout);
        await table.RevokeAccessAsync(member).WaitAsync(Timeout);
        var revoked = await table.GetAccessAsync(member).WaitAsync(Timeout);
        var stranger = await table.GetAccessAsync(Guid.NewGuid()).WaitAsync(Timeout);

        // Assert
        Assert.Null(before);
        Assert.Equal(new MemberAccess(MemberRole.Secretary, false, 0), active);
        Assert.Equal(new MemberAccess(MemberRole.Secretary, true, 1), revoked);
        Assert.Null(stranger);
    }

    [Fact]
    public async Task Table_RefusesAnInvalidQuorum_AndUnknownTablesAnswerNotFound()
    {
        var table = _silo.Grains.GetGrain<ITableGrain>(Guid.NewGuid());

        var invalid = await table.CreateAsync("Table", 0, "organisateur").WaitAsync(Timeout);
        var member = await table.AddMemberAsync(Guid.NewGuid(), new("X", "", Sector.Autre, "x@exemple.qc.ca", MemberRole.Member)).WaitAsync(Timeout);

        Assert.Equal(TableOutcome.Invalid, invalid);
        Assert.Equal(TableOutcome.NotFound, member);
        Assert.Null(await table.GetAsync());
    }
}
