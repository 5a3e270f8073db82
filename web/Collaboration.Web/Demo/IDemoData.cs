namespace Collaboration.Web.Demo;

/// <summary>
/// A feature's demo data (a table with a meeting, a workshop, a colloque…), seeded once on a new
/// database when Seed:Demo is on (the default in Development). Register with
/// <c>services.AddSingleton&lt;IDemoData, MyFeatureDemoData&gt;()</c>.
/// </summary>
public interface IDemoData
{
    /// <summary>Seeds the data through grains, as a user would create it.</summary>
    Task SeedAsync(CancellationToken cancellationToken);
}
