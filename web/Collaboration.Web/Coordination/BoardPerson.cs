namespace Collaboration.Web.Coordination;

/// <summary>A table member as the board shows an owner: their table and, once linked, their organisation and its MRC code.</summary>
public sealed record BoardPerson(Guid MemberId, string Name, Guid TableId, string TableName, Guid? OrganisationId, string? OrganisationName, string? Mrc);
