using Orleans;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>The grain state the storage conformance tests write and read back.</summary>
[GenerateSerializer]
public sealed class ConformanceState
{
    [Id(0)]
    public string Title { get; set; } = "";

    [Id(1)]
    public int Count { get; set; }

    [Id(2)]
    public List<string> Items { get; set; } = [];

    public static ConformanceState Of(string title, int count = 0) => new() { Title = title, Count = count, Items = [title, $"#{count}"] };

    public bool SameAs(ConformanceState? other) =>
        other is not null && other.Title == Title && other.Count == Count && other.Items.SequenceEqual(Items);

    public override string ToString() => $"{Title}/{Count}/[{string.Join(",", Items)}]";
}
