namespace Collaboration.Grains.Platform;

/// <summary>How effects are retried and re-driven (configuration section <c>Effects</c>).</summary>
public sealed class EffectSchedule
{
    public const string Section = "Effects";

    /// <summary>First retry after a failed delivery; doubled at each attempt up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Period of the Orleans reminder that wakes a grain whose effects are not all delivered — after its node
    /// died, on whichever silo takes it over. Orleans' minimum is a minute unless <c>ReminderOptions</c> lowers it.
    /// </summary>
    public TimeSpan RedrivePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a grain covered by its caller waits for its effects before its own reminder takes over.</summary>
    public TimeSpan HandOffWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Effects of one grain delivered at once.</summary>
    public int Concurrency { get; set; } = 32;
}
