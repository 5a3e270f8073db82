namespace Collaboration.Grains.Mail;

/// <summary>When outboxes retry and re-drive, and when workshop reminders go (configuration section <c>Mail</c>).</summary>
public sealed class MailSchedule
{
    public const string Section = "Mail";

    /// <summary>First retry after a temporary failure; doubled at each attempt up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many temporary failures a message is failed (shown to the organiser).</summary>
    public int MaxAttempts { get; set; } = 30;

    /// <summary>Emails a node hands to the transport per minute at most (<see cref="MailRate"/>); the others wait their turn.</summary>
    public int MaxPerMinute { get; set; } = 600;

    /// <summary>How long before a workshop starts its reminder is sent.</summary>
    public double ReminderHoursBefore { get; set; } = 24;

    /// <summary>How often a workshop's reminder looks at the clock (the reminder goes at most this late).</summary>
    public TimeSpan ReminderCheckPeriod { get; set; } = TimeSpan.FromMinutes(15);
}
