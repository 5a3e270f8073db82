namespace Collaboration.Grains.Live;

/// <summary>The state of a grain that feeds a live topic carries its <see cref="LiveLog"/>.</summary>
public interface ILiveState
{
    LiveLog Live { get; }
}
