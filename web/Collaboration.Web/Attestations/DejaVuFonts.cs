using PdfSharp.Fonts;

namespace Collaboration.Web.Attestations;

/// <summary>
/// The attestation's font: DejaVu Sans (Debian's fonts-dejavu-core), embedded in every PDF, so accents print and extract
/// the same on any reader. PDFsharp's resolver is process-wide: set once.
/// </summary>
public sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string Folder = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lock Gate = new();
    private readonly Dictionary<string, byte[]> _faces = [];

    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is DejaVuFonts) return;
            GlobalFontSettings.FontResolver = new DejaVuFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        lock (_faces)
        {
            if (!_faces.TryGetValue(faceName, out var bytes))
                _faces[faceName] = bytes = File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
            return bytes;
        }
    }
}
