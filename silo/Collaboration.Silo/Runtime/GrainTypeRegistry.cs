using System.Reflection;
using Collaboration.Grains.Runtime;

namespace Collaboration.Silo.Runtime;

/// <summary>Which grain class implements which grain interface, and the stable type names.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, string> _names = [];
    private readonly Dictionary<string, Type> _implementations = new(StringComparer.Ordinal);

    /// <summary>Registers every concrete grain class of the assemblies added with AddSilo or AddGrainAssembly.</summary>
    public GrainTypeRegistry(IEnumerable<GrainAssembly> assemblies)
    {
        foreach (var type in assemblies.Select(a => a.Assembly).Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || !typeof(Grain).IsAssignableFrom(type)) continue;
            foreach (var contract in type.GetInterfaces().Where(IsGrainInterface))
                Register(contract, type);
        }
    }

    public IEnumerable<Type> GrainInterfaces => _names.Keys;

    public string TypeNameOf(Type grainInterface) =>
        _names.TryGetValue(grainInterface, out var name)
            ? name
            : throw new InvalidOperationException(
                $"No grain class implements {grainInterface.Name}; is its assembly registered with AddSilo?");

    public Type ImplementationOf(string typeName) =>
        _implementations.TryGetValue(typeName, out var type)
            ? type
            : throw new InvalidOperationException($"Unknown grain type '{typeName}'.");

    private void Register(Type contract, Type implementation)
    {
        var name = contract.GetCustomAttribute<GrainTypeAttribute>()?.Name
            ?? throw new InvalidOperationException($"Grain interface {contract.Name} needs a [GrainType(\"…\")] name.");
        if (name.Contains(':'))
            throw new InvalidOperationException($"Grain type name '{name}' must not contain ':'.");
        foreach (var method in contract.GetMethods())
        {
            if (method.ReturnType != typeof(Task) &&
                !(method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)))
                throw new InvalidOperationException($"{contract.Name}.{method.Name} must return Task or Task<T>.");
        }
        if (_implementations.TryGetValue(name, out var existing) && existing != implementation)
            throw new InvalidOperationException($"Grain type '{name}' is implemented by both {existing.Name} and {implementation.Name}.");
        _names[contract] = name;
        _implementations[name] = implementation;
    }

    private static bool IsGrainInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type) &&
        type != typeof(IGrain) && type != typeof(IGrainWithStringKey) && type != typeof(IGrainWithGuidKey);
}

/// <summary>An assembly whose grain classes the host can activate.</summary>
public sealed record GrainAssembly(Assembly Assembly);
