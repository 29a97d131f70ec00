using Pipeline.Ner;

namespace Pipeline.Extraction.Enrich;

/// <summary>
/// Cuts a sentence into the tokens the entity tagger was trained on (the CoNLL files of the NER sets): words split at
/// white space, with commas, full stops, quotes and brackets as tokens of their own, while marks inside a word stay
/// ("Jokowi-JK", "KOMPAS.com", "2.000", "24/8", "Jum'at"); a closing dot is always a token, as in the training files
/// ("Dr ." and "H ." alike). <see cref="TextSpans.Words"/> drops punctuation, which
/// the tagger uses as context ("Presiden Joko Widodo ( Jokowi )", a comma closing a name), so it is not used here.
/// </summary>
internal static class TaggerTokens
{
    public static void Split(string text, int start, int end, List<TokenSpan> tokens)
    {
        var i = start;
        while (i < end)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var chunkStart = i;
            while (i < end && !char.IsWhiteSpace(text[i]))
                i++;
            SplitChunk(text, chunkStart, i, tokens);
        }
    }

    /// <summary>One run without white space: leading and trailing marks come off one by one, the core stays whole.</summary>
    private static void SplitChunk(string text, int start, int end, List<TokenSpan> tokens)
    {
        while (start < end && IsOpening(text[start]) && end - start > 1)
        {
            tokens.Add(new TokenSpan(start, 1));
            start++;
        }
        var coreEnd = end;
        while (coreEnd > start + 1 && IsClosing(text[coreEnd - 1]))
            coreEnd--;
        tokens.Add(new TokenSpan(start, coreEnd - start));
        for (var k = coreEnd; k < end; k++)
            tokens.Add(new TokenSpan(k, 1));
    }

    private static bool IsOpening(char c) => c is '(' or '[' or '{' or '"' or '“' or '‘' or '\'' or '«';

    private static bool IsClosing(char c) =>
        c is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '"' or '”' or '’' or '\'' or '»' or '%';
}
