namespace Collaboration.Web.Colloque;

public sealed record DeskDevice(DateTimeOffset PairedAt, string? Address, string? UserAgent);
