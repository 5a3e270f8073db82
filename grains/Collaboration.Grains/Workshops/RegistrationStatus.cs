using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

public enum RegistrationStatus { Confirmed, Waitlisted, Cancelled }
