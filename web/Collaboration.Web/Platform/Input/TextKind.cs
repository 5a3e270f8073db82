namespace Collaboration.Web.Platform.Input;

/// <summary>How a text field is cleaned (see <see cref="TextInput"/>).</summary>
public enum TextKind
{
    /// <summary>One line: NFC, trimmed, no control character at all.</summary>
    SingleLine,
    /// <summary>Several lines (notes, descriptions): NFC, trimmed, CR LF → LF; tab and newline allowed.</summary>
    MultiLine,
    /// <summary>Secrets (passwords): kept exactly as typed, but no control character.</summary>
    Verbatim,
}
