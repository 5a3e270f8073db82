using System.Collections;
using System.Diagnostics;

namespace Collaboration.Web.Tests.Telemetry;

/// <summary>Where OpenTelemetry's in-memory exporter puts spans (it adds from its own thread): a locked list.</summary>
public sealed class CollectedSpans : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public int Count { get { lock (_spans) return _spans.Count; } }

    public bool IsReadOnly => false;

    public void Add(Activity item) { lock (_spans) _spans.Add(item); }

    public void Clear() { lock (_spans) _spans.Clear(); }

    public bool Contains(Activity item) { lock (_spans) return _spans.Contains(item); }

    public void CopyTo(Activity[] array, int arrayIndex) { lock (_spans) _spans.CopyTo(array, arrayIndex); }

    public bool Remove(Activity item) { lock (_spans) return _spans.Remove(item); }

    /// <summary>Enumerates a copy, so the exporter may go on adding.</summary>
    public IEnumerator<Activity> GetEnumerator()
    {
        Activity[] copy;
        lock (_spans) copy = [.. _spans];
        return ((IEnumerable<Activity>)copy).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
