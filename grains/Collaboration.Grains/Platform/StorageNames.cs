namespace Collaboration.Grains.Platform;

/// <summary>The grain storage every grain's <c>[PersistentState]</c> names; the silo registers it per provider.</summary>
public static class StorageNames
{
    public const string Grains = "concertation";
}
