using System.Globalization;

namespace Collaboration.Web.Platform;

/// <summary>
/// The one window of every date the API takes: from 2000-01-01 to ten years from today. Outside
/// it a date is a typing slip or an attack (0001-01-01 made the reminder scheduler throw), never
/// an event of the region, so it is a 400 naming the field. <c>now</c> comes from the injected
/// clock. Dates are typed as AAAA-MM-JJ.
/// </summary>
public static class DateInput
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private const int YearsAhead = 10;

    /// <summary>A yyyy-MM-dd value inside the window, or null (an error recorded when the value was given).</summary>
    public static DateOnly? Parse(Dictionary<string, BilingualText> errors, string field, string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[field] = new("Date invalide (AAAA-MM-JJ).", "Invalid date (YYYY-MM-DD).");
            return null;
        }
        return Check(errors, field, date, now) ? date : null;
    }

    /// <summary>True when date is inside the window; else records the error for field.</summary>
    public static bool Check(Dictionary<string, BilingualText> errors, string field, DateOnly date, DateTimeOffset now)
    {
        var latest = DateOnly.FromDateTime(now.UtcDateTime).AddYears(YearsAhead);
        if (date >= Earliest && date <= latest) return true;
        errors[field] = new($"Date hors limites : entre le {Earliest:yyyy-MM-dd} et le {latest:yyyy-MM-dd}.",
            $"Date out of range: between {Earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd}.");
        return false;
    }

    /// <summary>True when the moment (if given) is inside the window; else records the error for field.</summary>
    public static bool Check(Dictionary<string, BilingualText> errors, string field, DateTimeOffset? moment, DateTimeOffset now) =>
        moment is not { } value || Check(errors, field, DateOnly.FromDateTime(value.UtcDateTime), now);
}
