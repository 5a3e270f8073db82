namespace Collaboration.Grains.Portal;

public enum PortalContentOutcome { Done, NotFound, Stale, Invalid, SlugTaken }
