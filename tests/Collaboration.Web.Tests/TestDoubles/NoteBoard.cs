namespace Collaboration.Web.Tests.TestDoubles;

[GenerateSerializer, Immutable]
public sealed record NoteBoard(long Version, IReadOnlyList<string> Notes);
