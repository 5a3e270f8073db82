namespace Collaboration.Grains.Tables;

public enum MemberRole { Member, Secretary }
