using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Extraction.Formats;

/// <summary>
/// Recognises the place-and-outlet prefix wire stories open with: <c>JAKARTA - </c>, <c>Jakarta (ANTARA) - </c>,
/// <c>JAKARTA, KOMPAS.com - </c>, <c>TEMPO.CO, Jakarta - </c>, <c>LONDON, June 14 (Reuters) - </c>.
/// </summary>
internal static partial class DatelineParser
{
    public readonly record struct Dateline(string Place, string? Agency, string? Outlet, int Length);

    /// <param name="isKnownPlace">Accepts a mixed-case place such as "Jakarta - " only when it is a known place, so a
    /// sentence opening with "Prabowo Subianto - Hatta Rajasa" is not mistaken for a dateline.</param>
    public static Dateline? Parse(string paragraph, Func<string, bool> isKnownPlace)
    {
        var m = OutletFirst().Match(paragraph);
        if (m.Success)
            return new Dateline(PlaceName(m.Groups["place"].Value), null, m.Groups["outlet"].Value, m.Length);

        m = PlaceFirst().Match(paragraph);
        if (!m.Success)
            return null;
        var extra = m.Groups["extra"].Success ? m.Groups["extra"].Value.Trim() : null;
        var outlet = extra is not null && OutletName().IsMatch(extra) ? extra : null;
        var agency = m.Groups["agency"].Success ? m.Groups["agency"].Value.Trim() : null;
        var place = m.Groups["place"].Value;
        if (agency is null && extra is null && !IsUpperCase(place) && !isKnownPlace(place))
            return null;
        return new Dateline(PlaceName(m.Groups["place"].Value), agency, outlet, m.Length);
    }

    /// <summary>"JAKARTA" and "NEW YORK" become "Jakarta" and "New York"; mixed case is kept as written.</summary>
    private static string PlaceName(string raw)
    {
        raw = raw.Trim();
        return !IsUpperCase(raw) ? raw : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(raw.ToLowerInvariant());
    }

    private static bool IsUpperCase(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLower(c))
                return false;
        }
        return true;
    }

    [GeneratedRegex(@"^(?<outlet>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z]{2,4}){1,2}|CNN Indonesia|CNBC Indonesia),\s*(?<place>\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+){0,2})\s*(?:-{1,2}|–|—)\s+")]
    private static partial Regex OutletFirst();

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}.']+(?: \p{Lu}[\p{L}.']+){0,2})(?:,\s*(?<extra>[^()\-–—\n,]{2,40}?))?\s*(?:\((?<agency>[^)]{2,24})\))?\s*(?:-{1,2}|–|—)\s+")]
    private static partial Regex PlaceFirst();

    [GeneratedRegex(@"\.(?:com|co|id|net|org)\b|^(?:CNN|CNBC) ", RegexOptions.IgnoreCase)]
    private static partial Regex OutletName();
}
