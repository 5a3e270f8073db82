namespace Collaboration.Web.Colloque;

/// <summary>A desk and the devices signed in as it (one per paired device, until revoked).</summary>
public sealed record DeskSessions(string DeskId, string Name, IReadOnlyList<DeskDevice> Devices);
