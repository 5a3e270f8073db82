using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

public enum WorkshopUpdateResult { Ok, SessionNotFound, InvalidCapacity }
