using Collaboration.Grains.Runtime;

namespace Collaboration.Web.Tests.TestDoubles;

/// <summary>A small real grain that feeds the test topic "test-note:{key}" (features bring their own topics).</summary>
[GrainType("test-note")]
public interface INoteGrain : IGrainWithStringKey
{
    Task<long> AddAsync(string text);

    Task<NoteBoard> GetAsync();
}

public sealed record NoteBoard(long Version, IReadOnlyList<string> Notes);

public sealed record NoteAdded(string Text);

public sealed class NoteBoardState
{
    public List<string> Notes { get; set; } = [];
}

public sealed class NoteGrain : Grain<NoteBoardState>, INoteGrain
{
    public async Task<long> AddAsync(string text)
    {
        State.Notes.Add(text);
        RaiseEvent(new NoteAdded(text));
        await WriteStateAsync();
        return Version;
    }

    public Task<NoteBoard> GetAsync() => Task.FromResult(new NoteBoard(Version, [.. State.Notes]));
}
