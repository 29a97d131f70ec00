namespace Pipeline.Ner.Conll;

/// <summary>
/// Reads token-per-line NER corpora. Both dialects used by the project are recognised line by line:
/// "token POS IOB" separated by spaces (idner-news-2k) and "token TAB IOB" (NERGrit). The token is the
/// first column and the tag the last; type names are mapped by <see cref="EntityLabels.TypeIndexFromCorpusName"/>.
/// Tags are normalised to IOB2: an I- tag that does not continue an entity of its type starts one,
/// which is how the project's scorer reads them too.
/// </summary>
public static class ConllReader
{
    private static readonly char[] Separators = ['\t', ' '];

    public static IReadOnlyList<LabeledSentence> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CoNLL file not found: {path}", path);
        }

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <param name="sourceName">Used in error messages only.</param>
    public static IReadOnlyList<LabeledSentence> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<LabeledSentence>();
        var tokens = new List<string>();
        var labels = new List<byte>();
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush(sentences, tokens, labels);
                continue;
            }

            var fields = trimmed.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                throw new ConllFormatException(
                    $"{sourceName}:{lineNumber}: expected a token and a tag separated by a tab or spaces, got \"{Shorten(trimmed)}\".");
            }

            var previous = labels.Count > 0 ? labels[^1] : EntityLabels.Outside;
            tokens.Add(fields[0]);
            labels.Add(ParseTag(fields[^1], previous, sourceName, lineNumber));
        }

        Flush(sentences, tokens, labels);
        return sentences;
    }

    private static byte ParseTag(string tag, byte previous, string sourceName, int lineNumber)
    {
        if (tag is "O")
        {
            return EntityLabels.Outside;
        }

        if (tag.Length < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I'))
        {
            throw new ConllFormatException(
                $"{sourceName}:{lineNumber}: tag \"{Shorten(tag)}\" is neither O nor B-TYPE / I-TYPE.");
        }

        var typeIndex = EntityLabels.TypeIndexFromCorpusName(tag.AsSpan(2));
        if (typeIndex < 0)
        {
            return EntityLabels.Outside;
        }

        var continues = previous != EntityLabels.Outside && EntityLabels.TypeIndexOf(previous) == typeIndex;
        return tag[0] == 'I' && continues ? EntityLabels.Inside(typeIndex) : EntityLabels.Begin(typeIndex);
    }

    private static void Flush(List<LabeledSentence> sentences, List<string> tokens, List<byte> labels)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        sentences.Add(new LabeledSentence([.. tokens], [.. labels]));
        tokens.Clear();
        labels.Clear();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "...");
}
