using System.Text.RegularExpressions;

namespace Pipeline.Extraction.Formats;

/// <summary>Lines that publishers put around and inside articles but that are not part of the story.</summary>
internal static partial class Boilerplate
{
    /// <summary>True for a line that is never article text: cross links, ad labels, credits, share prompts.</summary>
    public static bool IsBoilerplateLine(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        return line.IsEmpty || NoiseLine().IsMatch(line) || CreditLine().IsMatch(line);
    }

    /// <summary>A label such as "Baca juga:" standing alone, whose link is on the next line.</summary>
    public static bool IsCrossLinkLabel(string line) => CrossLinkLabel().IsMatch(line.Trim());

    /// <summary>A headline: short, no closing punctuation, most words capitalised.</summary>
    public static bool LooksLikeHeadline(string line)
    {
        line = line.Trim();
        if (line.Length == 0 || line.Length > 140 || line[^1] is '.' or '!' or '?' or '"' or '”')
            return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var capitalised = 0;
        foreach (var w in words)
        {
            if (char.IsUpper(w[0]) || char.IsDigit(w[0]))
                capitalised++;
        }
        return words.Length <= 16 && capitalised * 2 > words.Length;
    }

    /// <summary>
    /// Reads the person named in a credit line such as <c>Pewarta: Ade Irma</c> or <c>By Jane Doe</c>. Every word of the
    /// name is capitalised (case-sensitively, though the label is not), so a sentence opening with the everyday word
    /// "oleh" ("Oleh sebab itu, ...") stays in the body.
    /// </summary>
    public static string? AuthorFromCreditLine(string line)
    {
        var match = AuthorLine().Match(line.Trim());
        return match.Success ? match.Groups["name"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^(?:baca juga|baca pula|lihat juga|simak juga|tonton juga|read also|also read|read more|related(?: articles?| stories| news)?|see also|advertisement|iklan|scroll to continue(?: with content)?|lanjutkan membaca|share this( article)?|bagikan|follow us|ikuti kami|dapatkan update|download aplikasi|copyright\b|hak cipta|©|\(c\) \d{4}|halaman \d+|page \d+ of \d+|sponsored|konten ini|artikel ini telah tayang|cek berita dan artikel)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoiseLine();

    [GeneratedRegex(@"^(?:baca juga|baca pula|lihat juga|simak juga|read also|also read|read more|related)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrossLinkLabel();

    [GeneratedRegex(@"^(?:(?:writing|editing|reporting|additional reporting|compiled) by\b|(?:editor|pewarta|penulis|reporter|penyunting|redaktur|fotografer|foto|sumber|caption|kontributor)\s*:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLine();

    [GeneratedRegex(@"^(?:(?:pewarta|penulis|reporter|oleh|writer|author|by|reporting by)\s*:?\s+)(?<name>(?-i:\p{Lu}[\p{L}.'\-]*(?: \p{Lu}[\p{L}.'\-]*){0,5}))(?:\s*[,(/|].*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLine();
}
