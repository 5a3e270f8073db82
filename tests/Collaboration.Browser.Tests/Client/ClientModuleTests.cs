using System.Diagnostics;

namespace Collaboration.Browser.Tests.Client;

/// <summary>
/// Runs the browser client's own unit tests (client/test/*.test.js: live.js reconnection, catch-up and
/// de-duplication with a fake hub; api.js; auth.js) with Node's test runner, so `dotnet test` covers them.
/// </summary>
public sealed class ClientModuleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ClientModules_PassTheirNodeTests()
    {
        // Arrange
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", "test/"])
        {
            WorkingDirectory = RepositoryPaths.Client,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Act
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"node --test did not finish within {Limit}.");
        }
        output.WriteLine(await stdout.WaitAsync(Limit));
        output.WriteLine(await stderr.WaitAsync(Limit));

        // Assert
        Assert.Equal(0, node.ExitCode);
    }
}
