namespace Collaboration.Web.Coordination;

/// <summary>What one may do with the coordination board (see <see cref="CoordinationPermissions"/>).</summary>
public enum CoordinationAction
{
    /// <summary>The board and an organisation's page: organisers (every table) and table members (their own tables).</summary>
    SeeBoard,
    /// <summary>One table's board, live, and its items: the table's members and the organisers, the meeting's readers.</summary>
    SeeTable,
    /// <summary>Rebuild a table's board from its meetings: organisers.</summary>
    Rebuild,
}
