namespace Pipeline.Storage.Text;

/// <summary>
/// The term each word analysed to, for one thread: news vocabulary repeats, and a lookup costs a fraction of
/// stemming and allocates nothing. Bounded, because a long-running worker keeps meeting new names and numbers.
/// Two generations approximate "least recently used" without bookkeeping per lookup: new words go into the young
/// table; when it is full the old table is dropped and the young one takes its place, and a word found only in
/// the old table moves back to the young one. Frequent words survive every turn; at most twice the capacity is kept.
/// </summary>
/// <remarks>
/// Every thread that analyses keeps one cache per kind of analysis. At 200,000 words each, emptied only once full, the
/// embedded pipeline's live heap grew with every article (14 to 20 MB over 20,000), once for every thread-pool thread
/// that ever indexed. Tried and dropped: one cache shared by all threads (randomised string hashing and volatile
/// reads: SQLite indexing of 100,000 documents fell from 2,317 to 1,929 documents/s), and clearing a full table
/// (2,016 documents/s: the frequent words were stemmed again after every clear).
/// </remarks>
internal sealed class TermCache
{
    private readonly int _capacity;
    private Generation _young = new();
    private Generation _old = new();

    public TermCache(int capacity) => _capacity = capacity;

    public int Count => _young.Terms.Count + _old.Terms.Count;

    public bool TryGet(ReadOnlySpan<char> word, out string? term)
    {
        if (_young.Lookup.TryGetValue(word, out term))
            return true;
        if (!_old.Lookup.TryGetValue(word, out var key, out term))
            return false;
        Keep(key, term);
        return true;
    }

    public void Add(ReadOnlySpan<char> word, string? term) => Keep(new string(word), term);

    private void Keep(string word, string? term)
    {
        if (_young.Terms.Count >= _capacity)
        {
            (_old, _young) = (_young, _old);
            _young.Terms.Clear();
        }

        _young.Terms[word] = term;
    }

    private sealed class Generation
    {
        public Generation() => Lookup = Terms.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, string?> Terms { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }
    }
}
