namespace Collaboration.Web.Live;

/// <summary>Finds the topic definition for a topic name, and the topics fed by a grain type.</summary>
public sealed class TopicRegistry
{
    private readonly Dictionary<string, ILiveTopic> _byPrefix;
    private readonly ILookup<string, ILiveTopic> _byFeed;

    public TopicRegistry(IEnumerable<ILiveTopic> topics)
    {
        var all = topics.ToList();
        _byPrefix = all.ToDictionary(t => t.Prefix, StringComparer.Ordinal);
        _byFeed = all.ToLookup(t => t.Feed, StringComparer.Ordinal);
    }

    public bool TryResolve(string? topic, out ILiveTopic definition, out string key)
    {
        definition = null!;
        key = "";
        var colon = topic?.IndexOf(':') ?? -1;
        if (topic is null || colon <= 0 || colon == topic.Length - 1 || topic.Length > 200) return false;
        key = topic[(colon + 1)..];
        return _byPrefix.TryGetValue(topic[..colon], out definition!);
    }

    public IEnumerable<ILiveTopic> FedBy(string feed) => _byFeed[feed];
}
