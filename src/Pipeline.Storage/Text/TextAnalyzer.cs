using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Pipeline.Storage.Text;

/// <summary>
/// The one analyzer both stores index with, so a query matches the same documents in SQLite and
/// PostgreSQL. Words are runs of letters and digits, lower-cased; then, by the article's language,
/// English (Lucene's English stop words, possessive 's dropped, Snowball English stemmer) or Indonesian
/// (Lucene's Indonesian stop words and stemmer, prefixes and suffixes), or nothing more for any other language.
/// </summary>
/// <remarks>
/// Lucene's own analyzer chain spent about 0.6 ms on a 5 KB article here (its Unicode tokenizer alone
/// 0.2 ms); this tokenizer over the same stop lists and stemmers is several times faster, which indexing
/// at thousands of documents a second needs. Terms contain letters and digits only, so no store's tokenizer
/// splits them differently and every term is safe inside an FTS5 or tsquery expression. Thread-safe.
/// </remarks>
public static class TextAnalyzer
{
    // Longer "words" are base64, URLs or garbage; Lucene's standard tokenizer cuts at the same length.
    private const int MaxWordLength = 255;

    private static readonly CharArraySet EnglishStopWords = EnglishAnalyzer.DefaultStopSet;
    private static readonly CharArraySet IndonesianStopWords = IndonesianAnalyzer.DefaultStopSet;

    /// <summary>Words per generation of a thread's term cache for one kind of analysis (see <see cref="TermCache"/>).</summary>
    internal const int CachedWordsPerKind = 32_768;

    [ThreadStatic]
    private static Stemmers? _stemmers;

    /// <summary>Words in this thread's term caches, all kinds together.</summary>
    internal static int CachedWordCount => _stemmers?.CachedWordCount ?? 0;

    /// <summary>The analysis used for text in the given ISO 639-1 language.</summary>
    public static AnalysisKind KindFor(string? language) => language switch
    {
        "en" or "EN" or "En" => AnalysisKind.English,
        "id" or "ID" or "Id" => AnalysisKind.Indonesian,
        _ => AnalysisKind.Plain,
    };

    public static List<string> Terms(string text, AnalysisKind kind)
    {
        var terms = new List<string>(text.Length / 6);
        Analyze(text, kind, (term, _, _) =>
        {
            terms.Add(term);
            return true;
        });
        return terms;
    }

    /// <summary>Calls <paramref name="onTerm"/> for each term with the start and end of its word in <paramref name="text"/>.</summary>
    /// <returns>False when <paramref name="onTerm"/> asked to stop early.</returns>
    public static bool Analyze(string text, AnalysisKind kind, Func<string, int, int, bool> onTerm)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(onTerm);
        var stemmers = _stemmers ??= new Stemmers();
        var buffer = stemmers.Buffer;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
                i++;
            var length = Math.Min(i - start, MaxWordLength);
            for (var j = 0; j < length; j++)
                buffer[j] = char.ToLowerInvariant(text[start + j]);

            var term = stemmers.Lookup(kind, text, start, length);
            if (term is not null && !onTerm(term, start, i))
                return false;
        }

        return true;
    }

    /// <summary>Stemmers keep state while they work, so each thread has its own, with its term caches.</summary>
    private sealed class Stemmers
    {
        private readonly EnglishStemmer _english = new();
        private readonly IndonesianStemmer _indonesian = new();
        private readonly TermCache[] _caches = [new(CachedWordsPerKind), new(CachedWordsPerKind), new(CachedWordsPerKind)];

        public int CachedWordCount => _caches.Sum(cache => cache.Count);

        public char[] Buffer { get; } = new char[MaxWordLength];

        /// <summary>The term for the lower-cased word in <see cref="Buffer"/>; null for a stop word.</summary>
        public string? Lookup(AnalysisKind kind, string text, int start, int length)
        {
            var word = Buffer.AsSpan(0, length);

            // The "s" of a possessive ("Stoltenberg's") is not a word of its own.
            if (kind == AnalysisKind.English && length == 1 && word[0] == 's' && IsAfterApostrophe(text, start))
                return null;
            var cache = _caches[(int)kind];
            if (cache.TryGet(word, out var cached))
                return cached;
            var term = kind switch
            {
                AnalysisKind.English => English(length),
                AnalysisKind.Indonesian => Indonesian(length),
                _ => new string(word),
            };
            cache.Add(word, term);
            return term;
        }

        private static bool IsAfterApostrophe(string text, int start) =>
            start >= 2 && text[start - 1] is '\'' or '\u2019' && char.IsLetter(text[start - 2]);

        private string? English(int length)
        {
            if (EnglishStopWords.Contains(Buffer, 0, length))
                return null;
            _english.SetCurrent(Buffer, length);
            _english.Stem();
            return new string(_english.CurrentBuffer, 0, _english.CurrentBufferLength);
        }

        private string? Indonesian(int length)
        {
            if (IndonesianStopWords.Contains(Buffer, 0, length))
                return null;

            // The stemmer works in place: stem a copy so the buffer still holds the word for the cache key.
            var copy = Buffer.AsSpan(0, length).ToArray();
            var stemmed = _indonesian.Stem(copy, length, stemDerivational: true);
            return new string(copy, 0, stemmed);
        }
    }
}

public enum AnalysisKind
{
    Plain,
    English,
    Indonesian,
}
