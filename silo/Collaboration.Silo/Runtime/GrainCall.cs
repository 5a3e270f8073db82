namespace Collaboration.Silo.Runtime;

/// <summary>
/// One queued call on a grain. Running it captures the outcome; the caller hears it only when
/// <see cref="Release"/> is called, i.e. after whatever the call staged has been committed.
/// </summary>
internal abstract class GrainCall(GrainMethodInvoker invoker, object?[] args, long enqueuedAt)
{
    /// <summary>Stopwatch timestamp of the call, or 0 when call durations are not being measured.</summary>
    public long EnqueuedAt { get; } = enqueuedAt;

    public GrainMethodInvoker Invoker { get; } = invoker;

    protected object?[] Args { get; } = args;

    /// <summary>Runs the grain method on the activation. Throws what the grain method throws.</summary>
    public abstract ValueTask RunAsync(object grain);

    /// <summary>Answers the caller with the captured result.</summary>
    public abstract void Release();

    /// <summary>Answers the caller with an error.</summary>
    public abstract void Fail(Exception error);
}

internal sealed class GrainCall<T>(GrainMethodInvoker invoker, object?[] args, long enqueuedAt) : GrainCall(invoker, args, enqueuedAt)
{
    // Continuations run on the thread pool so a caller's code never runs inside the grain's turn.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _completion.Task;

    public override ValueTask RunAsync(object grain)
    {
        var task = Invoker.Invoke(grain, Args);
        if (task.IsCompletedSuccessfully)
        {
            _result = ResultOf(task);
            return ValueTask.CompletedTask;
        }
        return AwaitAsync(task);
    }

    private async ValueTask AwaitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        _result = ResultOf(task);
    }

    private static T ResultOf(Task task) => task is Task<T> typed ? typed.Result : default!;

    public override void Release() => _completion.TrySetResult(_result);

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
