using System.Globalization;
using System.Text;

namespace Pipeline.Benchmarking.Generation;

/// <summary>
/// A plain-text wire story in the shape the extractor expects: headline, a dateline lead
/// ("Jakarta (ANTARA) - ..." or "SINGAPORE, June 5 (Reuters) - ..."), paragraphs with quotes, and the credits.
/// </summary>
internal static class TextArticleWriter
{
    public static string Write(ProseComposer prose, int targetLength)
    {
        var builder = new StringBuilder(targetLength + 1024);
        builder.Append(prose.Headline()).Append('\n');
        builder.Append(Dateline(prose)).Append(prose.Lead()).Append(' ').Append(DateSentence(prose)).Append('\n');
        foreach (var paragraph in BodyParagraphs(prose, targetLength - builder.Length - 120))
            builder.Append(paragraph).Append('\n');
        builder.Append(Credits(prose)).Append('\n');
        return builder.ToString();
    }

    /// <summary>Paragraphs (every third a quote) until about <paramref name="length"/> characters are written.</summary>
    public static IEnumerable<string> BodyParagraphs(ProseComposer prose, int length)
    {
        var written = 0;
        for (var i = 0; written < length; i++)
        {
            var paragraph = i % 3 == 1 ? prose.QuotedParagraph() : prose.Paragraph();
            written += paragraph.Length + 1;
            yield return paragraph;
        }
    }

    public static string Dateline(ProseComposer prose) => prose.Lexicon.Language == "id"
        ? $"{prose.Place} ({prose.Agency}) - "
        : $"{prose.Place.ToUpperInvariant()}, {prose.Lexicon.Months[prose.Published.Month - 1]} {prose.Published.Day.ToString(CultureInfo.InvariantCulture)} ({prose.Agency}) - ";

    public static string Credits(ProseComposer prose) => prose.Lexicon.Language == "id"
        ? $"Pewarta: {prose.Person()}\nEditor: {prose.Person()}"
        : $"Reporting by {prose.Person()}; Editing by {prose.Person()}";

    private static string DateSentence(ProseComposer prose)
    {
        var day = prose.Lexicon.Days[prose.Published.DayOfWeek == DayOfWeek.Sunday ? 6 : (int)prose.Published.DayOfWeek - 1];
        var date = prose.Published;
        return prose.Lexicon.Language == "id"
            ? string.Create(CultureInfo.InvariantCulture, $"Hal itu disampaikan di {prose.Place}, {day} ({date.Day}/{date.Month}/{date.Year}).")
            : $"The figures were published on {day}.";
    }
}
