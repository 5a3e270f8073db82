using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Collaboration.Web.Platform.Input;

/// <summary>
/// Puts the text policy (<see cref="TextInput"/>) and the enum policy
/// (<see cref="StrictEnumConverterFactory"/>) on the API's JSON options, so every endpoint, present
/// and future, binds clean input without a line of its own.
/// </summary>
public static class InputPolicy
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(TextInputConverter.SingleLine); // strings in lists and dictionaries
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(ChooseTextKinds);
    }

    /// <summary>Each string property gets the converter of its kind (multi-line, verbatim, single line).</summary>
    private static void ChooseTextKinds(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
        {
            if (property.PropertyType != typeof(string) || property.CustomConverter is not null) continue;
            var marked = property.AttributeProvider?.IsDefined(typeof(MultiLineAttribute), inherit: true) == true;
            property.CustomConverter = TextInputConverter.For(TextInput.KindOf(property.Name, marked));
        }
    }
}
