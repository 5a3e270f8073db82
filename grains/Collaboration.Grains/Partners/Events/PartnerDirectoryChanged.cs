namespace Collaboration.Grains.Partners.Events;

/// <summary>
/// An organisation was added, edited, hidden, published or merged: the public directory's pages read the directory
/// again. It names the organisation only, so a hidden one's fields never travel on the public topic.
/// </summary>
[GenerateSerializer, Immutable, Alias("partner-directory-changed")]
public sealed record PartnerDirectoryChanged([property: Id(0)] Guid Id);
