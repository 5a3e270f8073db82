namespace Collaboration.Web.Partners;

public sealed record MatchingReport(bool Applied, int Linked, int AlreadyLinked, IReadOnlyList<MatchedMember> Matches, IReadOnlyList<UnmatchedMember> Unmatched);
