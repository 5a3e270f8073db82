using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

public enum WorkshopStatus { Open, Closed, Cancelled, Done }
