using Collaboration.Grains.Platform;
using System.Globalization;
using System.IO.Compression;
using Collaboration.Web.Layout;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;

namespace Collaboration.Web.Attestations;

/// <summary>
/// The one-page attestation (PDFsharp, DejaVu Sans embedded): French, then English; the person and organisation, the
/// event, its date and duration in hours, the partnership, the verification code and a QR code to its public page
/// (drawn as vector squares, so no image decoder is involved).
/// </summary>
public static class AttestationPdf
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");

    public static byte[] Build(AttestationDocument doc, string partnership)
    {
        DejaVuFonts.Install();
        using var pdf = new PdfDocument();
        // PDFsharp's deflated streams make qpdf --check warn ("input stream is complete but output may still be valid"):
        // the page is small (the font is subset), so it is written uncompressed and checks clean.
        pdf.Options.NoCompression = true;
        pdf.Options.CompressContentStreams = false;
        pdf.Info.Title = $"Attestation de participation — {doc.Name}";
        pdf.Info.Author = partnership;
        pdf.Info.Subject = doc.TitleFr;
        var page = pdf.AddPage();
        page.Width = XUnit.FromMillimeter(215.9);
        page.Height = XUnit.FromMillimeter(279.4);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Draw(gfx, page, doc, partnership);
        }
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Every attestation of an event in one ZIP, one PDF per person (file names without accents or spaces).</summary>
    public static byte[] Zip(IEnumerable<AttestationDocument> docs, string partnership)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var doc in docs)
            {
                var entry = zip.CreateEntry(FileName(doc), CompressionLevel.Fastest);
                using var stream = entry.Open();
                stream.Write(Build(doc, partnership));
            }
        }
        return buffer.ToArray();
    }

    public static string FileName(AttestationDocument doc)
    {
        var name = new string([.. doc.Name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return $"attestation-{(name.Length > 0 ? name : "participant")}-{doc.Code}.pdf";
    }

    private static void Draw(XGraphics gfx, PdfPage page, AttestationDocument doc, string partnership)
    {
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var heading = new XFont(DejaVuFonts.Family, 22, XFontStyleEx.Bold, options);
        var subheading = new XFont(DejaVuFonts.Family, 13, XFontStyleEx.Regular, options);
        var name = new XFont(DejaVuFonts.Family, 20, XFontStyleEx.Bold, options);
        var body = new XFont(DejaVuFonts.Family, 11.5, XFontStyleEx.Regular, options);
        var small = new XFont(DejaVuFonts.Family, 9, XFontStyleEx.Regular, options);
        var ink = new XSolidBrush(XColor.FromArgb(0x1b, 0x1b, 0x1b));
        var brand = XColor.FromArgb(0x00, 0x52, 0x8a);
        var margin = XUnit.FromMillimeter(22).Point;
        var width = page.Width.Point - 2 * margin;
        var y = margin;

        gfx.DrawRectangle(new XPen(brand, 2), margin / 2, margin / 2, page.Width.Point - margin, page.Height.Point - margin);
        gfx.DrawString(partnership, subheading, new XSolidBrush(brand), new XRect(margin, y, width, 20), XStringFormats.TopCenter);
        y += 40;
        gfx.DrawString("Attestation de participation", heading, ink, new XRect(margin, y, width, 30), XStringFormats.TopCenter);
        y += 30;
        gfx.DrawString("Certificate of participation", subheading, ink, new XRect(margin, y, width, 20), XStringFormats.TopCenter);
        y += 50;
        gfx.DrawString(doc.Name, name, ink, new XRect(margin, y, width, 28), XStringFormats.TopCenter);
        y += 28;
        if (doc.Organisation.Length > 0)
            gfx.DrawString(doc.Organisation, subheading, ink, new XRect(margin, y, width, 20), XStringFormats.TopCenter);
        y += 45;

        var local = QuebecTime.InQuebec(doc.StartsAt);
        var hoursFr = doc.Hours.ToString("0.#", French);
        var hoursEn = doc.Hours.ToString("0.#", English);
        var fr = $"a participé à l'activité « {doc.TitleFr} », tenue le {local.ToString("d MMMM yyyy", French)}" +
                 (doc.Place is { Length: > 0 } p ? $" ({p})" : "") + $", d'une durée de {hoursFr} heure{(doc.Hours >= 2 ? "s" : "")}.";
        var en = $"took part in “{doc.TitleEn}”, held on {local.ToString("MMMM d, yyyy", English)}" +
                 (doc.Place is { Length: > 0 } q ? $" ({q})" : "") + $", lasting {hoursEn} hour{(doc.Hours == 1 ? "" : "s")}.";
        var text = new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Center };
        text.DrawString(fr, body, ink, new XRect(margin, y, width, 60), XStringFormats.TopLeft);
        y += 70;
        text.DrawString(en, body, ink, new XRect(margin, y, width, 60), XStringFormats.TopLeft);
        y += 90;

        var qrSize = XUnit.FromMillimeter(38).Point;
        DrawQr(gfx, doc.VerifyUrl.ToString(), (page.Width.Point - qrSize) / 2, y, qrSize);
        y += qrSize + 12;
        gfx.DrawString($"Code de vérification / Verification code : {doc.Code}", body, ink, new XRect(margin, y, width, 16), XStringFormats.TopCenter);
        y += 18;
        gfx.DrawString(doc.VerifyUrl.ToString(), small, ink, new XRect(margin, y, width, 14), XStringFormats.TopCenter);
        y += 30;
        text.DrawString("Ce document atteste la présence enregistrée par l'équipe organisatrice. Sa validité se vérifie à l'adresse ci-dessus. " +
                        "This document attests the attendance recorded by the organisers; check its validity at the address above.",
            small, ink, new XRect(margin, y, width, 40), XStringFormats.TopLeft);
    }

    private static void DrawQr(XGraphics gfx, string url, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        for (var row = 0; row < modules.Count; row++)
            for (var col = 0; col < modules[row].Count; col++)
                if (modules[row][col]) gfx.DrawRectangle(XBrushes.Black, x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
}
