namespace Collaboration.Web.Meetings;

/// <summary>What the caller is to one table; <see cref="MemberId"/> when they are signed in as its member.</summary>
public sealed record TableAccess(TableRole Role, Guid? MemberId)
{
    public static readonly TableAccess None = new(TableRole.None, null);
}
