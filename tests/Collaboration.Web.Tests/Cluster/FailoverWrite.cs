namespace Collaboration.Web.Tests.Cluster;

/// <summary>One write of a <see cref="FailoverLoad"/>: a fresh id (agenda item) and code (registration) each time.</summary>
public sealed record FailoverWrite(int Number, Guid Id)
{
    public string Code => $"F{Number:D6}";
}
