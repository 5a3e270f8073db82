using System.Text;

namespace Collaboration.Bench.Harness;

/// <summary>A markdown table, built row by row.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable Row(params string[] cells)
    {
        if (cells.Length != headers.Length) throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.");
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        text.Append('|').AppendJoin('|', headers.Select(_ => "---")).AppendLine("|");
        foreach (var row in _rows) text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        return text.ToString();
    }
}
