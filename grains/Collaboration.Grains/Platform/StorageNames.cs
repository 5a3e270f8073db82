namespace Collaboration.Grains.Platform;

/// <summary>
/// The grain storage every grain's <c>[PersistentState]</c> names; the silo registers it per provider.
/// Each grain class names its state after its grain type (<c>[PersistentState("meeting", …)]</c>):
/// the ADO.NET provider keys rows by state name and key, so two grain types sharing a Guid key
/// (a colloque and its directory) must not share a state name.
/// </summary>
public static class StorageNames
{
    public const string Grains = "concertation";
}
