namespace Collaboration.Silo.Health;

/// <summary>Asks the grain storage one trivial question; throws when it does not answer.</summary>
public interface IStorageProbe
{
    string Provider { get; }

    Task ProbeAsync(CancellationToken cancellationToken);
}
