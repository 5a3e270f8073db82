using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

public enum WorkshopCreation { Created, AlreadyExists }
