namespace Collaboration.Web.Colloque;

public sealed record ImportApplied(int Total, int From, int Processed, int Created, int Updated, IReadOnlyList<ImportLineError> Errors);
