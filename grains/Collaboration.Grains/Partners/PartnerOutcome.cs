namespace Collaboration.Grains.Partners;

/// <summary>Persisted nowhere, but kept append-only like the others.</summary>
public enum PartnerOutcome { Done, NotFound, AlreadyExists, Stale, Invalid, Merged }
