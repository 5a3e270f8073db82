using Collaboration.Grains.Live;
using Collaboration.Grains.Platform;

namespace Collaboration.Web.Tests.TestDoubles;

[GrainType("test-note")]
public sealed class NoteGrain(
    [PersistentState("test-note", StorageNames.Grains)] IPersistentState<NoteBoardState> state, TimeProvider clock)
    : LiveGrain<NoteBoardState>(state, clock), INoteGrain
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
