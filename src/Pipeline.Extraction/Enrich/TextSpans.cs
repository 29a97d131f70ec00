namespace Pipeline.Extraction.Enrich;

/// <summary>A run of text in the body: a word or a sentence, by offset, so nothing is copied until needed.</summary>
internal readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>Splits the body into words and sentences by offsets. Words keep inner hyphens, apostrophes and dots ("NATO-Ukraina", "Jum'at", "KOMPAS.com").</summary>
internal static class TextSpans
{
    public static List<TextSpan> Words(string text, int start = 0, int end = -1)
    {
        if (end < 0)
            end = text.Length;
        var words = new List<TextSpan>(Math.Max(16, (end - start) / 6));
        Words(text, start, end, words);
        return words;
    }

    /// <summary>Appends the words of <c>text[start..end]</c> to <paramref name="words"/>, for callers that reuse one list.</summary>
    public static void Words(string text, int start, int end, List<TextSpan> words)
    {
        var i = start;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var s = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || IsInnerJoiner(text, i, end)))
                i++;
            words.Add(new TextSpan(s, i - s));
        }
    }

    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = char.IsLetterOrDigit(c);
            if (isWordChar && !inWord)
                count++;
            inWord = isWordChar || (inWord && c is '-' or '\'' or '’');
        }
        return count;
    }

    /// <summary>Sentences end at . ! ? (optionally followed by closing quotes) before white space and an upper-case letter or a quote.</summary>
    public static List<TextSpan> Sentences(string text)
    {
        var sentences = new List<TextSpan>(text.Length / 80 + 1);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                Add(sentences, text, start, i);
                start = i + 2;
                i++;
                continue;
            }
            if (c is not ('.' or '!' or '?'))
                continue;
            var j = i + 1;
            while (j < text.Length && text[j] is '"' or '”' or '’' or '\'' or ')')
                j++;
            if (j >= text.Length || !char.IsWhiteSpace(text[j]))
                continue;
            if (c == '.' && IsAbbreviation(text, i))
                continue;
            var k = j;
            while (k < text.Length && text[k] == ' ')
                k++;
            if (k < text.Length && !(char.IsUpper(text[k]) || char.IsDigit(text[k]) || text[k] is '"' or '“' or '\n'))
                continue;
            Add(sentences, text, start, j);
            start = k;
            i = k - 1;
        }
        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static void Add(List<TextSpan> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end > start)
            sentences.Add(new TextSpan(start, end - start));
    }

    // "Dr. X", "Jl. Sudirman", "U.S. officials", "No. 5": a short word or a single capital before the dot.
    private static bool IsAbbreviation(string text, int dot)
    {
        var s = dot;
        while (s > 0 && char.IsLetter(text[s - 1]))
            s--;
        var length = dot - s;
        if (length == 0)
            return char.IsDigit(text[Math.Max(0, dot - 1)]) && dot + 2 < text.Length && char.IsDigit(text[dot + 1]);
        if (length == 1)
            return true;
        var word = text.AsSpan(s, length);
        return length <= 4 && char.IsUpper(word[0]) && Abbreviations.Contains(word.ToString());
    }

    private static readonly HashSet<string> Abbreviations =
    [
        "Dr", "Drs", "Prof", "Mr", "Mrs", "Ms", "Jl", "No", "Tbk", "St", "Jr", "Sr", "Inc", "Ltd", "Co", "Gen", "Sen",
        "Rep", "Gov", "Lt", "Col", "Capt", "Kol", "Ir", "Hj", "H", "KH", "Bpk", "Sdr", "dkk", "Vol", "Jan", "Feb", "Mar",
        "Apr", "Jun", "Jul", "Aug", "Agu", "Sep", "Sept", "Oct", "Okt", "Nov", "Dec", "Des", "Kab", "Kec", "Kel",
    ];

    private static bool IsInnerJoiner(string text, int i, int end)
    {
        var c = text[i];
        if (c is not ('-' or '\'' or '’' or '.'))
            return false;
        if (i + 1 >= end || !char.IsLetterOrDigit(text[i + 1]))
            return false;
        // A dot joins only inside tokens like "KOMPAS.com" or "3.5": the next character is lower case or a digit,
        // so "Jakarta.Pemerintah" typed without a space still splits into two words.
        return c != '.' || !char.IsUpper(text[i + 1]);
    }
}
