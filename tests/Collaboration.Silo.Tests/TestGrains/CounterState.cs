namespace Collaboration.Silo.Tests.TestGrains;

public sealed class CounterState
{
    public long Value { get; set; }

    public List<string> Appended { get; set; } = [];
}
