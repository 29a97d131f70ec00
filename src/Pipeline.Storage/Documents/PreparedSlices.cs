namespace Pipeline.Storage.Documents;

/// <summary>
/// Prepares a batch slice by slice on the thread pool, so a store writes one slice while the next ones
/// are analysed: the CPU work of indexing overlaps the database work instead of coming before it.
/// </summary>
/// <remarks>
/// The slices are started when the batch is, outside any retry: a retried write awaits the same finished
/// slices again rather than analysing the documents twice.
/// </remarks>
internal sealed class PreparedSlices<T>
{
    // Small enough that the first slice is ready after a few milliseconds, large enough that a slice is
    // one efficient statement (PostgreSQL) or a run of inserts into one table at a time (SQLite).
    private const int SliceSize = 100;

    private readonly Task<T[]>[] _slices;

    private PreparedSlices(Task<T[]>[] slices) => _slices = slices;

    public int Count => _slices.Length;

    public Task<T[]> this[int index] => _slices[index];

    public static PreparedSlices<T> Start(StoredDocument[] batch, Func<IndexedDocument, T> toRow)
    {
        var slices = new Task<T[]>[(batch.Length + SliceSize - 1) / SliceSize];
        for (var i = 0; i < slices.Length; i++)
        {
            var documents = batch.AsMemory(i * SliceSize, Math.Min(SliceSize, batch.Length - (i * SliceSize)));
            slices[i] = Task.Run(() => Prepare(documents.Span, toRow));
        }

        return new PreparedSlices<T>(slices);
    }

    private static T[] Prepare(ReadOnlySpan<StoredDocument> documents, Func<IndexedDocument, T> toRow)
    {
        var rows = new T[documents.Length];
        for (var i = 0; i < documents.Length; i++)
            rows[i] = toRow(IndexedDocument.Prepare(documents[i]));
        return rows;
    }
}
