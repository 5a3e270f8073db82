namespace Collaboration.Grains.Runtime;

/// <summary>
/// Identity of one grain: its type name and key. The string form "type:key" is also the
/// storage key and, for grains that publish, the live topic ("meeting:3f2c…").
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}:{Key}";

    public static GrainId Parse(string value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
            throw new FormatException($"'{value}' is not a grain id of the form type:key.");
        return new GrainId(value[..colon], value[(colon + 1)..]);
    }

    public static bool TryParse(string? value, out GrainId id)
    {
        id = default;
        if (string.IsNullOrEmpty(value)) return false;
        var colon = value.IndexOf(':');
        if (colon <= 0 || colon == value.Length - 1) return false;
        id = new GrainId(value[..colon], value[(colon + 1)..]);
        return true;
    }
}
