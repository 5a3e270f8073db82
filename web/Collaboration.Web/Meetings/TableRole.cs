namespace Collaboration.Web.Meetings;

/// <summary>What the caller is to one table (see <see cref="TableAccess"/>).</summary>
public enum TableRole { None, Member, Secretary, Organiser }
