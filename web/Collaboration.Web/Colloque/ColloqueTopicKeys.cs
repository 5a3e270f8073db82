namespace Collaboration.Web.Colloque;

/// <summary>A public topic's key: a colloque id written as the pages write it ("D"), so that one topic has one name.</summary>
public static class ColloqueTopicKeys
{
    public static bool TryParsePublic(string key, out Guid colloqueId) =>
        Guid.TryParseExact(key, "D", out colloqueId) && colloqueId.ToString("D") == key;
}
