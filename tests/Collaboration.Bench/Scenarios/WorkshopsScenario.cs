using Collaboration.Bench.Harness;
using Collaboration.Bench.Workshops;

namespace Collaboration.Bench.Scenarios;

/// <summary>Registrations on one hot workshop session (see <see cref="WorkshopRegistrationBenchmark"/>).</summary>
internal sealed class WorkshopsScenario : IScenario
{
    public string Name => "workshops";

    public string Title => "Workshops";

    public async Task<string> RunAsync(BenchContext context)
    {
        var section = await WorkshopRegistrationBenchmark.RunAsync(await context.GetPostgresAsync());
        // The section comes with its own "## Workshops" heading; the harness adds the heading.
        var body = section.Markdown;
        var heading = body.IndexOf("## ", StringComparison.Ordinal);
        if (heading == 0) body = body[(body.IndexOf('\n') + 1)..];
        return body;
    }
}
