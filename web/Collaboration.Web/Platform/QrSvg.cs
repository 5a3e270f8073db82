using QRCoder;

namespace Collaboration.Web.Platform;

/// <summary>The QR code of a registration or badge code, as SVG (one builder for workshops, the colloque's badges and its confirmations).</summary>
public static class QrSvg
{
    public static string Of(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
