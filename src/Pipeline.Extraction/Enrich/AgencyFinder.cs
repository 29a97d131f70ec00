using System.Text.RegularExpressions;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// News agencies an article cites. Names that are also ordinary words ("antara" means "between", "AP" is short
/// for many things) count only in the forms agencies are credited with: upper case, in parentheses, or after
/// a citing verb such as <c>dilansir</c> or <c>told</c>.
/// </summary>
internal static partial class AgencyFinder
{
    public static List<string> Find(string body, string? datelineAgency)
    {
        var found = new List<string>(4);
        if (datelineAgency is not null && Canonical(datelineAgency) is { } fromDateline)
            found.Add(fromDateline);
        foreach (Match m in AgencyPattern().Matches(body))
        {
            var name = Canonical(m.Groups["name"].Value);
            if (name is not null && !found.Contains(name))
                found.Add(name);
        }
        return found;
    }

    /// <summary>The agency's usual name, or null when the text is not a known agency.</summary>
    public static string? Canonical(string raw) => raw.Trim().ToUpperInvariant() switch
    {
        "ANTARA" or "ANTARA NEWS" or "ANT" => "ANTARA",
        "ANADOLU" or "ANADOLU AGENCY" or "AA" => "Anadolu",
        "REUTERS" => "Reuters",
        "AFP" or "AGENCE FRANCE-PRESSE" => "AFP",
        "AP" or "ASSOCIATED PRESS" or "THE ASSOCIATED PRESS" => "AP",
        "XINHUA" => "Xinhua",
        "BERNAMA" => "Bernama",
        "KYODO" or "KYODO NEWS" => "Kyodo",
        "YONHAP" => "Yonhap",
        "TASS" => "TASS",
        "SPUTNIK" => "Sputnik",
        "BLOOMBERG" => "Bloomberg",
        "DPA" => "dpa",
        "EFE" => "EFE",
        "ANSA" => "ANSA",
        "WAFA" => "WAFA",
        "IRNA" => "IRNA",
        "KCNA" => "KCNA",
        "PTI" => "PTI",
        _ => null,
    };

    // The citing verb is a lookbehind so that every alternative starts at the agency's name: the scan then stops
    // only where a name could begin, not at every "dari", "to" and "said" of the body.
    [GeneratedRegex(
        @"(?<name>\bANTARA\b|\bAnadolu(?: Agency)?\b|\bReuters\b|\bAFP\b|\bAgence France-Presse\b|\b(?:The )?Associated Press\b|\bXinhua\b|\bBernama\b|\bKyodo(?: News)?\b|\bYonhap\b|\bTASS\b|\bBloomberg\b|\bKCNA\b|\bIRNA\b|\bWAFA\b)" +
        @"|\((?<name>Antara|AP|AA|dpa|EFE|ANSA|PTI|Sputnik)\)" +
        @"|(?<=\b(?:dilansir|melansir|dikutip|mengutip|kepada|dari|kantor berita|LKBN|told|to|via|said|reported)\s+)(?<name>Antara|AP|Sputnik|dpa|EFE|ANSA|PTI)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex AgencyPattern();
}
