namespace Collaboration.Bench;

/// <summary>One "## Title" section of docs/benchmarks.md.</summary>
public sealed record BenchSection(string Title, string Markdown);
