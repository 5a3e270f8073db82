namespace Collaboration.Grains.Retention;

/// <summary>
/// Law 25: personal data kept no longer than needed (one grain, key "default"). A daily Orleans reminder anonymises, once,
/// whatever has passed its period; each anonymisation and each erasure on request is logged without personal data.
/// </summary>
[Alias("retention")]
public interface IRetentionGrain : IGrainWithStringKey
{
    Task<RetentionView> GetAsync();

    /// <summary>False when a period is out of range (1–120 months).</summary>
    Task<bool> SetSettingsAsync(RetentionSettings settings);

    /// <summary>The dry run: what a run now would anonymise. Changes nothing.</summary>
    Task<IReadOnlyList<RetentionItem>> PreviewAsync();

    /// <summary>Anonymises what is due (decided once, delivered through the after-commit path); answers what it decided now.</summary>
    Task<IReadOnlyList<RetentionItem>> RunAsync(RetentionTrigger trigger = RetentionTrigger.Manual);

    /// <summary>Erases one person on request (workshop or colloque registration code), logged like the rest; answers once done.</summary>
    Task EraseAsync(string subject, string reference, string by);

    /// <summary>Registers the daily reminder (at start-up).</summary>
    Task EnsureScheduledAsync();
}
