using System.Collections.Concurrent;

namespace Collaboration.Silo.Tests.TestGrains;

/// <summary>Named gates a test opens to let a grain call that waits on one finish.</summary>
public sealed class TestGates
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _entered = new();

    public Task WaitAsync(string name)
    {
        Gate(_entered, name).TrySetResult();
        return Gate(_gates, name).Task;
    }

    public Task Entered(string name) => Gate(_entered, name).Task;

    public void Open(string name) => Gate(_gates, name).TrySetResult();

    private static TaskCompletionSource Gate(ConcurrentDictionary<string, TaskCompletionSource> gates, string name) =>
        gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
