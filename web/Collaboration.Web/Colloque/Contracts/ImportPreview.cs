namespace Collaboration.Web.Colloque;

public sealed record ImportPreview(int Total, int Valid, string Encoding, string Delimiter, IReadOnlyList<ImportLineError> Errors,
    IReadOnlyList<AttendeeJson> Sample);
