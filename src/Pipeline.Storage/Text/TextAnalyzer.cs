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
        return Scan(text, kind, wanted: null, onTerm);
    }

    /// <summary>
    /// Calls <paramref name="onMatch"/> for each word of <paramref name="text"/> whose term is one of
    /// <paramref name="terms"/>, exactly as filtering <see cref="Analyze"/> would, but without looking up words that
    /// cannot analyse to any of them. The stemmers only strip affixes: English (Snowball) keeps a word's first letter,
    /// and Indonesian (Lucene) keeps all of a term but its first letter, which a dropped prefix may recode
    /// ("menyapu" to "sapu"). A snippet of a 5 KB body looked up every word, about 40 microseconds a hit.
    /// </summary>
    /// <returns>False when <paramref name="onMatch"/> asked to stop early.</returns>
    public static bool FindTerms(string text, AnalysisKind kind, IReadOnlySet<string> terms, Func<string, int, int, bool> onMatch)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(onMatch);
        return terms.Count == 0 || Scan(text, kind, terms.ToArray(), (term, start, end) => !terms.Contains(term) || onMatch(term, start, end));
    }

    /// <summary>Splits the text into words and hands each word's term on; with <paramref name="wanted"/>, only words that may analyse to one of those.</summary>
    private static bool Scan(string text, AnalysisKind kind, string[]? wanted, Func<string, int, int, bool> onTerm)
    {
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

            // English needs only the first letter, so most words are skipped before being lower-cased.
            if (wanted is not null && kind == AnalysisKind.English && !StartsAny(char.ToLowerInvariant(text[start]), wanted))
                continue;
            for (var j = 0; j < length; j++)
                buffer[j] = char.ToLowerInvariant(text[start + j]);
            if (wanted is not null && kind != AnalysisKind.English && !MayAnalyseToAny(kind, buffer.AsSpan(0, length), wanted))
                continue;

            var term = stemmers.Lookup(kind, text, start, length);
            if (term is not null && !onTerm(term, start, i))
                return false;
        }

        return true;
    }

    private static bool StartsAny(char first, string[] terms)
    {
        foreach (var term in terms)
        {
            if (term.Length > 0 && term[0] == first)
                return true;
        }

        return false;
    }

    /// <summary>Whether the lower-cased word could analyse to one of the terms, for Indonesian and plain analysis.</summary>
    private static bool MayAnalyseToAny(AnalysisKind kind, ReadOnlySpan<char> word, string[] terms)
    {
        foreach (var term in terms)
        {
            var may = kind == AnalysisKind.Indonesian
                ? term.Length < 2 || word.Contains(term.AsSpan(1), StringComparison.Ordinal)
                : word.SequenceEqual(term);
            if (may)
                return true;
        }

        return false;
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
