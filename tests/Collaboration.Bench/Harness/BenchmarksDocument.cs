using System.Text;

namespace Collaboration.Bench.Harness;

/// <summary>
/// docs/benchmarks.md. A full run rewrites it; a run of some scenarios with <c>--write</c>
/// replaces only their sections, found by the <c>&lt;!-- bench:name --&gt;</c> markers.
/// Sections of scenarios not written yet are kept as headed placeholders.
/// </summary>
internal static class BenchmarksDocument
{
    public const string RelativePath = "docs/benchmarks.md";

    /// <summary>Sections later issues fill in (add an <see cref="IScenario"/> with this name and the placeholder goes).</summary>
    public static readonly (string Name, string Title, string Plan)[] Planned = [];

    public static string Compose(
        string command, DateTimeOffset startedAt, TimeSpan took, BenchContext context,
        IReadOnlyList<IScenario> scenarios, IReadOnlyDictionary<string, string> sections)
    {
        var doc = new StringBuilder();
        doc.AppendLine("# Benchmarks");
        doc.AppendLine();
        doc.AppendLine("<!-- Written by tests/Collaboration.Bench (a console program, not part of the test run). " +
                       "Edit the harness, not this file: the next full run rewrites it. -->");
        doc.AppendLine();
        doc.AppendLine($"Measured on {startedAt:yyyy-MM-dd HH:mm} UTC with");
        doc.AppendLine();
        doc.AppendLine("```sh");
        doc.AppendLine(command);
        doc.AppendLine("```");
        doc.AppendLine();
        doc.AppendLine($"(the whole run took {took.TotalMinutes:0.0} min; `-- <scenario>…` runs some scenarios only and prints them, " +
                       "add `--write` to replace just their sections here, `--quick` for a short smoke run).");
        doc.AppendLine();
        doc.AppendLine("Every figure is compared with a baseline measured in the same run, on the same machine, " +
                       "interleaved with it (grain run, baseline run, grain run…). Timings are never asserted in tests.");
        doc.AppendLine();
        doc.AppendLine("## Machine");
        doc.AppendLine();
        var machine = new MarkdownTable("what", "value");
        foreach (var (name, value) in MachineInfo.Describe()) machine.Row(name, value);
        if (context.LoadAtStart is { } load)
            machine.Row("Load average at start (1/5/15 min)", load + " — the harness shares the machine with whatever else runs");
        if (context.SharedMachine is { } shared)
            machine.Row("Shared machine", shared);
        if (context.PostgresFacts.Count > 0)
        {
            machine.Row("PostgreSQL", string.Join(", ", context.PostgresFacts.Select(f => f.Name == "server_version" ? f.Value : $"{f.Name}={f.Value}")));
            machine.Row("PostgreSQL set-up", "throw-away cluster (`PostgresCluster.StartLocalAsync`, initdb in /tmp on the same disk, " +
                                             $"127.0.0.1 TCP) on the same {Environment.ProcessorCount} cores as the .NET process");
        machine.Row("Orleans", "10.4.2: silos started in the bench process by `AddConcertationSilo` (directly, or co-hosted by the web app " +
                               "on Kestrel for the check-in and meeting scenarios); clients, silos and PostgreSQL all share the same cores");
        }
        doc.Append(machine);
        doc.AppendLine();

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scenario in scenarios)
        {
            if (!sections.TryGetValue(scenario.Name, out var body)) continue;
            doc.Append(Section(scenario, body));
            doc.AppendLine();
            written.Add(scenario.Name);
        }
        AppendPlaceholders(doc, written);
        return doc.ToString();
    }

    /// <summary>Replaces (or adds) the sections of the scenarios that ran, keeping the rest of the file.</summary>
    public static string Update(string existing, IReadOnlyList<IScenario> scenarios, IReadOnlyDictionary<string, string> sections)
    {
        var text = existing;
        foreach (var scenario in scenarios)
        {
            if (!sections.TryGetValue(scenario.Name, out var body)) continue;
            var block = Section(scenario, body).TrimEnd('\n');
            var (start, end) = (StartMarker(scenario.Name), EndMarker(scenario.Name));
            var from = text.IndexOf(start, StringComparison.Ordinal);
            var to = text.IndexOf(end, StringComparison.Ordinal);
            if (from >= 0 && to > from)
            {
                text = text[..from] + block + text[(to + end.Length)..];
                continue;
            }
            // New section: before the placeholders, or at the end.
            var placeholder = text.IndexOf("<!-- planned:", StringComparison.Ordinal);
            text = placeholder >= 0
                ? text[..placeholder] + block + "\n\n" + text[placeholder..]
                : text.TrimEnd('\n') + "\n\n" + block + "\n";
        }
        // A planned section that now has a scenario of its own loses its placeholder.
        foreach (var scenario in scenarios)
        {
            var start = $"<!-- planned:{scenario.Name} -->";
            var end = $"<!-- /planned:{scenario.Name} -->";
            var from = text.IndexOf(start, StringComparison.Ordinal);
            var to = text.IndexOf(end, StringComparison.Ordinal);
            if (from >= 0 && to > from) text = text[..from] + text[(to + end.Length)..].TrimStart('\n');
        }
        return text;
    }

    private static string Section(IScenario scenario, string body)
    {
        var section = new StringBuilder();
        section.AppendLine(StartMarker(scenario.Name));
        section.AppendLine($"## {scenario.Title}");
        section.AppendLine();
        section.AppendLine(body.Trim());
        section.AppendLine(EndMarker(scenario.Name));
        return section.ToString();
    }

    private static void AppendPlaceholders(StringBuilder doc, HashSet<string> written)
    {
        foreach (var (name, title, plan) in Planned)
        {
            if (written.Contains(name)) continue;
            doc.AppendLine($"<!-- planned:{name} -->");
            doc.AppendLine($"## {title}");
            doc.AppendLine();
            doc.AppendLine($"_Not measured yet._ To come (scenario `{name}`): {plan}");
            doc.AppendLine($"<!-- /planned:{name} -->");
            doc.AppendLine();
        }
    }

    private static string StartMarker(string name) => $"<!-- bench:{name} -->";

    private static string EndMarker(string name) => $"<!-- /bench:{name} -->";
}
