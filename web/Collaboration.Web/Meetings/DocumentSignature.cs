using System.IO.Compression;
using System.Text;

namespace Collaboration.Web.Meetings;

/// <summary>
/// What a document is, read from its bytes (the file's signature, and for the office formats what their zip holds),
/// never from its name: PDF, the office formats (OOXML, OpenDocument, and the old compound files of Word, Excel and
/// PowerPoint), and PNG, JPEG, GIF, WebP images. The name's extension must agree with what the bytes are, so that a
/// file whose name says one thing and whose content is another is refused rather than served under either.
/// </summary>
public static class DocumentSignature
{
    /// <summary>One accepted format: the content type served, the extensions its files may carry.</summary>
    public sealed record Format(string ContentType, string Label, params string[] Extensions);

    public static readonly Format Pdf = new("application/pdf", "PDF", ".pdf");
    public static readonly Format Png = new("image/png", "PNG", ".png");
    public static readonly Format Jpeg = new("image/jpeg", "JPEG", ".jpg", ".jpeg");
    public static readonly Format Gif = new("image/gif", "GIF", ".gif");
    public static readonly Format WebP = new("image/webp", "WebP", ".webp");
    public static readonly Format Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", ".docx");
    public static readonly Format Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", ".xlsx");
    public static readonly Format Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint", ".pptx");
    public static readonly Format Odt = new("application/vnd.oasis.opendocument.text", "OpenDocument", ".odt");
    public static readonly Format Ods = new("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument", ".ods");
    public static readonly Format Odp = new("application/vnd.oasis.opendocument.presentation", "OpenDocument", ".odp");
    public static readonly Format Doc = new("application/msword", "Word 97-2003", ".doc");
    public static readonly Format Xls = new("application/vnd.ms-excel", "Excel 97-2003", ".xls");
    public static readonly Format Ppt = new("application/vnd.ms-powerpoint", "PowerPoint 97-2003", ".ppt");

    /// <summary>Every extension accepted (the file picker's <c>accept</c> says the same).</summary>
    public static readonly IReadOnlyList<string> Extensions =
        [.. new[] { Pdf, Png, Jpeg, Gif, WebP, Docx, Xlsx, Pptx, Odt, Ods, Odp, Doc, Xls, Ppt }.SelectMany(f => f.Extensions)];

    /// <summary>The outcome: the format when the bytes are one we accept and the name agrees; else why not.</summary>
    public sealed record Verdict(Format? Format, Format? Found)
    {
        /// <summary>Neither the bytes nor anything else made it one of ours.</summary>
        public bool Unsupported => Format is null && Found is null;

        /// <summary>The bytes are <see cref="Found"/>, the name says otherwise.</summary>
        public bool Mislabelled => Format is null && Found is not null;
    }

    /// <summary>Reads <paramref name="content"/> (seekable, at any position; left at its start) and checks it against <paramref name="fileName"/>.</summary>
    public static Verdict Check(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var found = Detect(content, extension);
        content.Position = 0;
        return found is null ? new(null, null) : found.Extensions.Contains(extension) ? new(found, found) : new(null, found);
    }

    private static Format? Detect(Stream content, string extension)
    {
        Span<byte> head = stackalloc byte[16];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP;
        // An OLE compound file says it is one, not which program wrote it: the name chooses among the three.
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            return new[] { Doc, Xls, Ppt }.FirstOrDefault(f => f.Extensions.Contains(extension)) ?? Doc;
        if (head.StartsWith("PK\u0003\u0004"u8)) return Zipped(content);
        return null;
    }

    /// <summary>OpenDocument names itself in a first entry "mimetype"; OOXML by its content types and main part. Only the zip's directory is read.</summary>
    private static Format? Zipped(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { Length: < 100 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                var type = reader.ReadToEnd().Trim();
                return new[] { Odt, Ods, Odp }.FirstOrDefault(f => f.ContentType == type);
            }
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            return zip.GetEntry("word/document.xml") is not null ? Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? Xlsx
                : zip.GetEntry("ppt/presentation.xml") is not null ? Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null; // not a readable zip
        }
    }
}
