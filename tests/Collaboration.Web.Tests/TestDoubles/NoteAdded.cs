namespace Collaboration.Web.Tests.TestDoubles;

[GenerateSerializer, Immutable]
public sealed record NoteAdded(string Text);
