using System.Security.Claims;
using Collaboration.Grains.Accounts;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Accounts;

/// <summary>An organiser enrols a TOTP second factor: a new secret (QR code), then a code from it confirms it and brings ten recovery codes, shown once.</summary>
public static class SecondFactorApi
{
    public static IEndpointRouteBuilder MapSecondFactorApi(this IEndpointRouteBuilder app)
    {
        var totp = app.MapGroup("/api/auth/second-factor/totp").WithTags("Accounts").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        totp.MapPost("/", BeginAsync);
        totp.MapPost("/confirm", ConfirmAsync);
        return app;
    }

    /// <summary>For the signed-in owner only: the secret in Base32 (typed by hand), the otpauth address and its QR code.</summary>
    public sealed record EnrolmentResponse(string Secret, string Uri, string QrSvg);

    public sealed record ConfirmRequest(string? Code);

    public sealed record ConfirmResponse(IReadOnlyList<string> RecoveryCodes);

    private static async Task<Ok<EnrolmentResponse>> BeginAsync(ClaimsPrincipal user, IGrainFactory grains, SecondFactor secondFactor)
    {
        var email = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var (sealedSecret, secret) = secondFactor.NewSecret();
        await grains.GetGrain<IOrganiserAccountGrain>(email).BeginTotpEnrolmentAsync(sealedSecret);
        var uri = SecondFactor.EnrolmentUri(email, secret);
        return TypedResults.Ok(new EnrolmentResponse(secret, uri, QrSvg.Of(uri)));
    }

    private static async Task<Results<Ok<ConfirmResponse>, ProblemHttpResult>> ConfirmAsync(
        ConfirmRequest request, ClaimsPrincipal user, IGrainFactory grains, SecondFactor secondFactor)
    {
        var grain = grains.GetGrain<IOrganiserAccountGrain>(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var pending = (await grain.GetAsync())?.SealedPendingTotpSecret;
        if (secondFactor.MatchingStep(pending, request.Code) is not { } step)
            return Problems.Invalid("code", new("Ce code ne correspond pas : vérifiez l'heure de l'appareil et entrez le code affiché maintenant.",
                "This code does not match: check the device's clock and enter the code shown now."));
        var codes = SecondFactor.NewRecoveryCodes();
        if (!await grain.ConfirmTotpEnrolmentAsync(pending!, step, [.. codes.Select(SecondFactor.HashRecoveryCode)]))
            return Problems.Create(StatusCodes.Status409Conflict, "enrolment-replaced",
                "Une autre inscription a commencé entre-temps : recommencez.", "Another enrolment began meanwhile: start again.");
        return TypedResults.Ok(new ConfirmResponse(codes));
    }
}
