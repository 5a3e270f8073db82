namespace Collaboration.Web.Workshops;

public static class WorkshopTopicKeys
{
    /// <summary>Grain keys of sessions are Guids in "D" form, lower case.</summary>
    public static bool IsSessionKey(string key) => Guid.TryParseExact(key, "D", out var id) && id.ToString("D") == key;
}
