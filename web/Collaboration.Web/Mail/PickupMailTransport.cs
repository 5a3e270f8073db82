using MimeKit;

namespace Collaboration.Web.Mail;

/// <summary>
/// The embedded default: each message as an .eml file in a folder (any mail client opens it),
/// named by its Message-ID, so a message sent again after a crash replaces its own file.
/// </summary>
public sealed class PickupMailTransport(string directory) : IMailTransport
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public string Destination => Directory;

    public int MaxConcurrency => 4;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        var path = Path.Combine(Directory, name + ".eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
