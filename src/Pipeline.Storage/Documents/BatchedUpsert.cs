namespace Pipeline.Storage.Documents;

/// <summary>
/// How both stores take an upsert: in batches of <see cref="StorageOptions.BatchSize"/>, one transaction
/// each, with the next batch analysed while one is written.
/// </summary>
internal static class BatchedUpsert
{
    /// <param name="writeBatch">Writes the prepared batch of the given size; returns which documents were new.</param>
    public static async Task<IReadOnlyList<UpsertOutcome>> RunAsync<T>(
        IReadOnlyList<StoredDocument> documents,
        int batchSize,
        Func<IndexedDocument, T> toRow,
        Func<PreparedSlices<T>, int, Task<bool[]>> writeBatch)
    {
        var outcomes = new List<UpsertOutcome>(documents.Count);
        var batches = documents.Chunk(batchSize).ToArray();
        var next = batches.Length > 0 ? PreparedSlices<T>.Start(batches[0], toRow) : null;
        for (var b = 0; b < batches.Length; b++)
        {
            var slices = next!;
            next = b + 1 < batches.Length ? PreparedSlices<T>.Start(batches[b + 1], toRow) : null;
            var created = await writeBatch(slices, batches[b].Length);
            for (var i = 0; i < batches[b].Length; i++)
                outcomes.Add(new UpsertOutcome(batches[b][i].DocumentId, created[i]));
        }

        return outcomes;
    }
}
