using Collaboration.Grains.Live;

namespace Collaboration.Web.Tests.TestDoubles;

/// <summary>A small real grain that feeds the test topic "test-note:{key}" (features bring their own topics).</summary>
[Alias("test-note")]
public interface INoteGrain : IGrainWithStringKey, ILiveFeedGrain
{
    Task<long> AddAsync(string text);

    Task<NoteBoard> GetAsync();
}
