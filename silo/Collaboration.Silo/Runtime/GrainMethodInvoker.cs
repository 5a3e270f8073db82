using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Collaboration.Silo.Runtime;

/// <summary>
/// A compiled call of one grain interface method: (grain, args) => grain.Method(args...).
/// Compiled once per method so a grain call costs a delegate call, not reflection.
/// </summary>
internal sealed class GrainMethodInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethodInvoker> Cache = new();

    private readonly Func<object, object?[], Task> _invoke;

    private GrainMethodInvoker(MethodInfo method)
    {
        Method = method;
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters()
            .Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        _invoke = Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), grain, args).Compile();
    }

    public MethodInfo Method { get; }

    public string Name => Method.Name;

    public static GrainMethodInvoker For(MethodInfo method) => Cache.GetOrAdd(method, m => new GrainMethodInvoker(m));

    public Task Invoke(object grain, object?[] args) => _invoke(grain, args);
}
