using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Collaboration.Silo.Hosting;

/// <summary>
/// A grain interface's <see cref="GrainInterfaceType"/>, worked out once. Orleans 10.4.2 works it out at every
/// <c>GetGrain</c>: its <see cref="AttributeGrainInterfaceTypeProvider"/> instantiates the interface's attributes by
/// reflection, and when none names the type (ours carry <c>[Alias]</c>, which does not) the resolver formats the
/// interface's name by convention: 1–2 % of a node's CPU in a registration burst, where each request gets several
/// grains. An interface's attributes and name never change, so neither does the answer: the same one Orleans gives
/// (the attribute's, else the convention's).
/// </summary>
public sealed class CachedGrainInterfaceTypeProvider(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly AttributeGrainInterfaceTypeProvider _attributes = new(services);
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        grainInterfaceType = _known.GetOrAdd(type, WorkOut);
        return true;
    }

    private GrainInterfaceType WorkOut(Type type) =>
        _attributes.TryGetGrainInterfaceType(type, out var named)
            ? named
            : services.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceTypeByConvention(type);
}
