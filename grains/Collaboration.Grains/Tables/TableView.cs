namespace Collaboration.Grains.Tables;

[GenerateSerializer, Immutable]
public sealed record TableView(
    Guid Id, long Version, string Name, int Quorum, string CreatedBy, DateTimeOffset CreatedAt,
    IReadOnlyList<TableMemberView> Members, IReadOnlyList<TableMeetingRef> Meetings)
{
    public TableMemberView? Member(Guid memberId) => Members.FirstOrDefault(m => m.Id == memberId);
}
