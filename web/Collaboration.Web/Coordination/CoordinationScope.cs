using Collaboration.Grains.Tables;
using Collaboration.Web.Meetings;
using Collaboration.Web.Partners;

namespace Collaboration.Web.Coordination;

/// <summary>What one caller may see of the coordination: the tables (with their access to each) and the people on them.</summary>
public sealed record CoordinationScope(
    bool Organiser,
    IReadOnlyList<(TableView Table, TableAccess Access)> Tables,
    IReadOnlyDictionary<Guid, BoardPerson> People,
    OrganisationNameIndex Names)
{
    public TableAccess? AccessTo(Guid tableId) => Tables.FirstOrDefault(t => t.Table.Id == tableId).Access;
}
