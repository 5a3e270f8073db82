namespace Collaboration.Web.Attestations;

/// <summary>What one attestation says: who, which event, when, how long, and the code that verifies it.</summary>
public sealed record AttestationDocument(
    string Name, string Organisation, string TitleFr, string TitleEn, DateTimeOffset StartsAt, double Hours, string? Place,
    string Code, Uri VerifyUrl, string Reference);
