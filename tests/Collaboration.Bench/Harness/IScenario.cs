namespace Collaboration.Bench.Harness;

/// <summary>
/// One section of docs/benchmarks.md. A scenario measures the grain host against a baseline
/// measured in the same run and returns the section's markdown (tables and reading).
/// </summary>
internal interface IScenario
{
    /// <summary>Command-line name: <c>dotnet run … -- {Name}</c>.</summary>
    string Name { get; }

    /// <summary>The section heading in docs/benchmarks.md.</summary>
    string Title { get; }

    Task<string> RunAsync(BenchContext context);
}
