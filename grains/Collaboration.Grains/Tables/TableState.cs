using Collaboration.Grains.Live;
using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Tables;

[GenerateSerializer]
public sealed class TableState : ILiveState, IMailOutboxState
{
    [Id(7)] public LiveLog Live { get; set; } = new();

    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public int Quorum { get; set; }
    [Id(3)] public string CreatedBy { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public List<TableMemberState> Members { get; set; } = [];
    [Id(6)] public List<TableMeetingRef> Meetings { get; set; } = [];

    /// <summary>Sign-in links by email, each written with the link it carries.</summary>
    [Id(8)] public MailOutbox Mail { get; set; } = new();

    /// <summary>What this grain's committed changes still owe to others (see <see cref="Platform.AfterCommitGrain{TState}"/>).</summary>
    [Id(90)] public Platform.EffectOutbox Effects { get; set; } = new();
}
