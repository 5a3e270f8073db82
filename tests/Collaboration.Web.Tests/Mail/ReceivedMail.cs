using System.Text.RegularExpressions;
using Ical.Net;
using MimeKit;

namespace Collaboration.Web.Tests.Mail;

/// <summary>A received message taken apart: its text and HTML bodies, QR PNG, calendar file (parsed with Ical.Net), links.</summary>
public sealed partial class ReceivedMail(MimeMessage message)
{
    public MimeMessage Message { get; } = message;

    public string To => ((MailboxAddress)Message.To.Single()).Address;

    public string Subject => Message.Subject ?? "";

    public string Text => Message.TextBody ?? "";

    public string Html => Message.HtmlBody ?? "";

    public MimePart? QrPng => Message.BodyParts.OfType<MimePart>().FirstOrDefault(p => p.ContentType.IsMimeType("image", "png"));

    public Ical.Net.Calendar? Calendar
    {
        get
        {
            var part = Message.BodyParts.OfType<MimePart>().FirstOrDefault(p => p.ContentType.IsMimeType("text", "calendar"));
            if (part is null) return null;
            using var stream = new MemoryStream();
            part.Content!.DecodeTo(stream);
            return Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        }
    }

    /// <summary>The first link of the text body whose path starts with <paramref name="path"/>.</summary>
    public Uri Link(string path) =>
        Links().FirstOrDefault(u => u.AbsolutePath.StartsWith(path, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No link to {path} in:{Environment.NewLine}{Text}");

    public IEnumerable<Uri> Links() => UrlPattern().Matches(Text).Select(m => new Uri(m.Value));

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlPattern();
}
