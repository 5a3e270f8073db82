namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>Every wait in the browser tests is bounded by one of these, so a hang fails fast.</summary>
public static class Timeouts
{
    /// <summary>Starting the app, the Playwright driver or Chromium.</summary>
    public static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);

    /// <summary>One HTTP call made by a test itself.</summary>
    public static readonly TimeSpan Http = TimeSpan.FromSeconds(15);

    /// <summary>A page action or an expectation on the page (Playwright takes milliseconds).</summary>
    public const float Ui = 15_000;

    /// <summary>The client getting its hub connection back (its backoff is capped at about 10 s).</summary>
    public const float Reconnect = 30_000;
}
