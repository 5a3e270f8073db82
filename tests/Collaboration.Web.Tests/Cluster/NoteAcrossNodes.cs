using Collaboration.Web.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>
/// A note grain activated on <see cref="Host"/>'s silo, written through that node, with
/// <see cref="Other"/> the node whose hub gets its events only through the relay between silos.
/// <see cref="Version"/> is its version once the relay was seen delivering (warm-up events included).
/// </summary>
public sealed record NoteAcrossNodes(string Key, ConcertationFactory Host, ConcertationFactory Other, long Version)
{
    public string Topic => $"test-note:{Key}";

    /// <summary>The grain, called through the node that hosts it.</summary>
    public INoteGrain Grain => Host.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(Key);
}
