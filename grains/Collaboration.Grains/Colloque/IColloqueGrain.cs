using Collaboration.Grains.Live;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// A colloque: its details, desks and arrival aggregates (counts by category and desk, recent
/// arrivals). It is NOT the truth about who is checked in — each <see cref="IRegistrationGrain"/>
/// is — it mirrors them through <see cref="ApplyArrivalAsync"/>, which is idempotent per code and
/// check-in version and can be replayed from the registrations at any time.
/// </summary>
[Alias("colloque")]
public interface IColloqueGrain : IGrainWithGuidKey, ILiveFeedGrain
{
    Task<bool> CreateAsync(ColloqueDetails details);

    Task<ColloqueView?> GetAsync();

    /// <summary>Title, date and venue only: what a page or an email needs, without the day's arrivals.</summary>
    Task<ColloqueDetails?> GetDetailsAsync();

    Task<Desk?> AddDeskAsync(string deskId, string name);

    Task<ArrivalApplication> ApplyArrivalAsync(ArrivalChange change);

    /// <summary>Applies many changes in one write (rebuild from the registrations).</summary>
    Task<int> ApplyArrivalsAsync(IReadOnlyList<ArrivalChange> changes);

    /// <summary>Forgets the name of an erased attendee in the recent arrivals (counts are kept).</summary>
    Task ForgetNameAsync(string code);
}
