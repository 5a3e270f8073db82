using Collaboration.Grains.Live;

namespace Collaboration.Web.Tests.TestDoubles;

[GenerateSerializer]
public sealed class NoteBoardState : ILiveState
{
    [Id(0)] public List<string> Notes { get; set; } = [];

    [Id(1)] public LiveLog Live { get; set; } = new();
}
