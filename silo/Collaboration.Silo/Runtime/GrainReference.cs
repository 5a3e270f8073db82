using System.Collections.Concurrent;
using System.Reflection;
using Collaboration.Grains.Runtime;

namespace Collaboration.Silo.Runtime;

/// <summary>
/// The proxy a caller holds instead of a grain: every interface call becomes a message queued on
/// the host for this grain id (like an Orleans GrainReference).
/// </summary>
public class GrainReference : DispatchProxy
{
    // One lookup per call: the method's compiled invoker and its typed dispatcher together.
    private static readonly ConcurrentDictionary<MethodInfo, (GrainMethodInvoker Invoker, Func<GrainHost, GrainId, GrainMethodInvoker, object?[], Task> Dispatch)> Dispatchers = new();
    private static readonly MethodInfo InvokeGeneric =
        typeof(GrainHost).GetMethod(nameof(GrainHost.InvokeAsync), BindingFlags.Instance | BindingFlags.NonPublic)!;

    private GrainHost _host = null!;

    public GrainId GrainId { get; private set; }

    internal static TGrain Create<TGrain>(GrainHost host, GrainId id)
    {
        var proxy = Create<TGrain, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference._host = host;
        reference.GrainId = id;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.DeclaringType == typeof(object))
            return targetMethod.Name switch
            {
                nameof(ToString) => $"GrainReference({GrainId})",
                nameof(GetHashCode) => GrainId.GetHashCode(),
                _ => throw new NotSupportedException(targetMethod.Name),
            };
        var (invoker, dispatch) = Dispatchers.GetOrAdd(targetMethod, static m => (GrainMethodInvoker.For(m), BuildDispatcher(m)));
        return dispatch(_host, GrainId, invoker, args ?? []);
    }

    private static Func<GrainHost, GrainId, GrainMethodInvoker, object?[], Task> BuildDispatcher(MethodInfo method)
    {
        var resultType = method.ReturnType == typeof(Task)
            ? typeof(object)
            : method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
                ? method.ReturnType.GetGenericArguments()[0]
                : throw new NotSupportedException(
                    $"{method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>: grain calls are asynchronous messages.");
        return InvokeGeneric.MakeGenericMethod(resultType)
            .CreateDelegate<Func<GrainHost, GrainId, GrainMethodInvoker, object?[], Task>>();
    }
}
