using System.Text.RegularExpressions;

namespace Collaboration.Bench;

/// <summary>Finds docs/benchmarks.md from the working directory up and replaces one section in it.</summary>
public static class BenchmarksFile
{
    public static void ReplaceSection(BenchSection section)
    {
        var path = Locate();
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var pattern = new Regex($@"^## {Regex.Escape(section.Title)}\n.*?(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        var replacement = section.Markdown.TrimEnd() + "\n\n";
        text = pattern.IsMatch(text) ? pattern.Replace(text, replacement.Replace("$", "$$"), 1) : text.TrimEnd() + "\n\n" + replacement;
        File.WriteAllText(path, text.TrimEnd() + "\n");
        Console.WriteLine($"Wrote section '{section.Title}' of {path}");
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Collaboration.sln")))
                return Path.Combine(dir.FullName, "docs", "benchmarks.md");
        }
        throw new InvalidOperationException("Run from inside the repository (Collaboration.sln not found).");
    }
}
