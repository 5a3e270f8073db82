namespace Collaboration.Silo.Hosting;

/// <summary>This node's identity among the nodes sharing one PostgreSQL (to skip its own notices).</summary>
public sealed class SiloNode
{
    public Guid Id { get; } = Guid.NewGuid();
}
