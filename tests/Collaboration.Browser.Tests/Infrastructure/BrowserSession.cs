using System.Collections.Concurrent;

namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>One browser context and its page. Dispose it (await using) to close the context.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _console = new();
    private readonly ITestOutputHelper? _output;

    internal BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper? output)
    {
        Context = context;
        Page = page;
        _output = output;
        page.Console += (_, message) => Log($"console.{message.Type}: {message.Text}");
        page.PageError += (_, error) => Log($"page error: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>What the page wrote to its console so far, and its uncaught errors.</summary>
    public IReadOnlyCollection<string> ConsoleMessages => _console.ToArray();

    /// <summary>The shared header's live connection indicator.</summary>
    public ILocator ConnectionState => Page.GetByTestId("connection-state");

    /// <summary>Clicks the header's language switch, opening the header's menu first on a phone.</summary>
    public async Task SwitchLanguageAsync()
    {
        await OpenMenuIfFoldedAsync();
        await Page.GetByTestId("language-switch").ClickAsync();
    }

    /// <summary>On a phone the header's areas, language switch and account are behind the menu button: opens it.</summary>
    public async Task OpenMenuIfFoldedAsync()
    {
        // The header comes from the server at its final size; data-menu-wired says header.js has wired its button.
        await Page.Locator("[data-shell-header][data-menu-wired]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var button = Page.GetByTestId("menu-button");
        if (await button.IsVisibleAsync() && await button.GetAttributeAsync("aria-expanded") != "true")
        {
            await button.ClickAsync();
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync().WaitAsync(Timeouts.Startup);

    private void Log(string line)
    {
        _console.Enqueue(line);
        try
        {
            _output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // the test has already finished
        }
    }
}
