namespace Collaboration.Grains.Colloque;

/// <summary>Who an attendee comes as. Stored and sent as camelCase strings ("communityOrganisation"…).</summary>
public enum AttendeeCategory { Employer, ElectedOfficial, CommunityOrganisation, Institution, Mrc, Other }
