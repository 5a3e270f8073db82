namespace Collaboration.Grains.Accounts;

[GenerateSerializer]
public sealed class OrganiserDirectoryState
{
    [Id(0)] public List<string> Emails { get; set; } = [];
}
