namespace Collaboration.Grains.Runtime;

/// <summary>
/// Names a grain interface's type in grain ids, storage and topics. Renaming a C# type must not
/// orphan stored state, so every grain interface carries a stable name.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
