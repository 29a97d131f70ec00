using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Finds dates written in Indonesian or English prose: <c>14 Juni 2024</c>, <c>June 14, 2024</c>, <c>14/6/2024</c>,
/// <c>Senin (17/6/2024)</c>, <c>Jumat, 14 Juni</c> (year inferred from the weekday), and relative words
/// (<c>kemarin</c>, <c>yesterday</c>) when an anchor date exists.
/// </summary>
internal static partial class DateFinder
{
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1, ["january"] = 1, ["jan"] = 1, ["februari"] = 2, ["february"] = 2, ["feb"] = 2, ["pebruari"] = 2,
        ["maret"] = 3, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4, ["mei"] = 5, ["may"] = 5, ["juni"] = 6,
        ["june"] = 6, ["jun"] = 6, ["juli"] = 7, ["july"] = 7, ["jul"] = 7, ["agustus"] = 8, ["august"] = 8, ["agu"] = 8,
        ["aug"] = 8, ["agt"] = 8, ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["oktober"] = 10, ["october"] = 10,
        ["okt"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["nopember"] = 11, ["desember"] = 12,
        ["december"] = 12, ["des"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["senin"] = DayOfWeek.Monday, ["selasa"] = DayOfWeek.Tuesday, ["rabu"] = DayOfWeek.Wednesday,
        ["kamis"] = DayOfWeek.Thursday, ["jumat"] = DayOfWeek.Friday, ["jum'at"] = DayOfWeek.Friday,
        ["sabtu"] = DayOfWeek.Saturday, ["minggu"] = DayOfWeek.Sunday, ["ahad"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first date in the text, as "yyyy-MM-dd"; null when none can be pinned to a year.</summary>
    /// <param name="reference">Anchor for dates without a year and relative words; null when unknown.</param>
    public static string? FindFirst(string text, DateOnly? reference)
    {
        DateOnly? relative = null;
        foreach (Match m in DatePattern().Matches(text))
        {
            if (Resolve(m, reference) is { } date)
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (reference is { } anchor && RelativePattern().Match(text) is { Success: true } r)
            relative = r.Groups["yesterday"].Success ? anchor.AddDays(-1) : anchor;
        return relative?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Normalises a machine date from metadata (ISO 8601, RFC 1123) to ISO 8601, keeping the time when there is one.</summary>
    public static string? NormaliseMachineDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (IsoDateOnly().IsMatch(value))
            return value[..10];
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return value.Length <= 10 || parsed.TimeOfDay == TimeSpan.Zero && !value.Contains(':', StringComparison.Ordinal)
                ? parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : parsed.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }
        return FindFirst(value, null);
    }

    private static DateOnly? Resolve(Match m, DateOnly? reference)
    {
        if (m.Groups["iy"].Success)
            return Make(Int(m, "iy"), Int(m, "im"), Int(m, "id"));
        DayOfWeek? weekday = m.Groups["wd"].Success ? Weekdays[m.Groups["wd"].Value.Replace('’', '\'')] : null;
        int day, month;
        if (m.Groups["nd"].Success)
        {
            day = Int(m, "nd");
            month = Int(m, "nm");
            if (m.Groups["ny"].Success)
                return Make(FullYear(Int(m, "ny")), month, day);
            // "1/2" alone is a fraction as often as a date: a bare day/month needs a weekday to count.
            if (weekday is null)
                return null;
        }
        else
        {
            day = m.Groups["d1"].Success ? Int(m, "d1") : Int(m, "d2");
            month = Months[m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value];
            var year = m.Groups["y1"].Success ? m.Groups["y1"] : m.Groups["y2"];
            if (year.Success)
                return Make(int.Parse(year.ValueSpan, CultureInfo.InvariantCulture), month, day);
        }
        return reference is { } anchor ? InferYear(day, month, weekday, anchor) : null;
    }

    /// <summary>The latest date with this day and month (and weekday, when named) not after the reference date.</summary>
    internal static DateOnly? InferYear(int day, int month, DayOfWeek? weekday, DateOnly reference)
    {
        // The weekday pattern of a day and month repeats within 28 years, so that many candidates are enough.
        for (var year = reference.Year; year > reference.Year - 29 && year > 1; year--)
        {
            if (Make(year, month, day) is not { } candidate || candidate > reference)
                continue;
            if (weekday is null || candidate.DayOfWeek == weekday)
                return candidate;
        }
        return null;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && year is >= 1900 and <= 2200 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int FullYear(int year) => year < 100 ? 2000 + year : year;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private const string MonthNames =
        "Januari|January|Februari|February|Pebruari|Maret|March|April|Mei|May|Juni|June|Juli|July|Agustus|August|" +
        "September|Oktober|October|November|Nopember|Desember|December|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Aug|Sept|Sep|Okt|Oct|Nov|Des|Dec";

    private const string DayNames =
        "Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    [GeneratedRegex(
        @"\b(?<iy>(?:19|20)\d\d)-(?<im>[01]\d)-(?<id>[0-3]\d)\b" +
        @"|(?:\b(?<wd>" + DayNames + @")\b\s*[,(]?\s*)?" +
        @"(?:(?<nd>[0-3]?\d)/(?<nm>[01]?\d)(?:/(?<ny>(?:19|20)?\d\d))?\b" +
        @"|\b(?<d1>[0-3]?\d)\s+(?<m1>" + MonthNames + @")\.?(?:\s+(?<y1>(?:19|20)\d\d))?\b" +
        @"|\b(?<m2>" + MonthNames + @")\.?\s+(?<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?<y2>(?:19|20)\d\d))?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:(?<yesterday>kemarin|yesterday)|hari ini|today)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDateOnly();
}
