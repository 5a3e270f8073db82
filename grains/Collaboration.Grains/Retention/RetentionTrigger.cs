namespace Collaboration.Grains.Retention;

public enum RetentionTrigger
{
    /// <summary>The daily reminder found the period over.</summary>
    Automatic,
    /// <summary>An organiser ran it from the page.</summary>
    Manual,
    /// <summary>An organiser erased one person on request.</summary>
    Request,
}
