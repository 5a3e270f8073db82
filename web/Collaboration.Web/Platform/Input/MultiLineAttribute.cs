namespace Collaboration.Web.Platform.Input;

/// <summary>
/// Marks a request field as multi-line text (tab and newline allowed), for a field the naming
/// rule of <see cref="TextInput.KindOf"/> does not already catch. On a positional record:
/// <c>[property: MultiLine] string? Body</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MultiLineAttribute : Attribute;
