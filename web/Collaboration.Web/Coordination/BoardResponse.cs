namespace Collaboration.Web.Coordination;

/// <summary>The board as GET /api/board answers: the filtered rows, the latest decisions of the tables in view, and what the page needs to apply live changes and filters itself.</summary>
public sealed record BoardResponse(
    DateOnly Today, IReadOnlyList<BoardTable> Tables, IReadOnlyList<BoardPerson> People, IReadOnlyList<BoardOrganisation> Organisations,
    IReadOnlyList<BoardRow> Items, IReadOnlyList<BoardDecisionRow>? Decisions = null);
