using Collaboration.Grains.Live;

namespace Collaboration.Grains.Tables;

[GenerateSerializer]
public sealed class TableMemberState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Organisation { get; set; } = "";
    [Id(3)] public Sector Sector { get; set; }
    [Id(4)] public string Email { get; set; } = "";
    [Id(5)] public MemberRole Role { get; set; }
    [Id(6)] public string? LinkHash { get; set; }
    [Id(7)] public bool AccessRevoked { get; set; }

    /// <summary>Bumped at each revocation: cookies carry the stamp they were issued under.</summary>
    [Id(8)] public int AccessStamp { get; set; }

    /// <summary>A first sign-in link was emailed: the next ones are re-issues.</summary>
    [Id(9)] public bool Invited { get; set; }

    /// <summary>The partner organisation the member belongs to, once linked (<see cref="Organisation"/> stays as typed).</summary>
    [Id(10)] public Guid? OrganisationId { get; set; }
}
