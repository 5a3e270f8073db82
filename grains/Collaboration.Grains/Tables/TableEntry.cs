
namespace Collaboration.Grains.Tables;

[GenerateSerializer, Immutable]
public sealed record TableEntry(Guid Id, string Name);
