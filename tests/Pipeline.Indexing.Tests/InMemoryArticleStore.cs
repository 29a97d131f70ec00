using System.Collections.Concurrent;
using Pipeline.Storage;

namespace Pipeline.Indexing.Tests;

/// <summary>A store fake for consumer tests: idempotent by id like the real ones, and able to fail on demand.</summary>
internal sealed class InMemoryArticleStore : IArticleStore
{
    private readonly ConcurrentDictionary<Guid, StoredDocument> _documents = new();
    private int _failuresLeft;

    public int UpsertCalls;
    public IReadOnlyCollection<StoredDocument> Documents => _documents.Values.ToList();

    /// <summary>The documents of each upsert call, in call order.</summary>
    public ConcurrentQueue<Guid[]> Batches { get; } = new();

    /// <summary>Runs at the start of every upsert call, before anything is stored: to hold a write open or to fail it.</summary>
    public Func<IReadOnlyList<StoredDocument>, CancellationToken, Task>? BeforeUpsert { get; set; }

    public void FailNextUpserts(int count) => _failuresLeft = count;

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref UpsertCalls);
        Batches.Enqueue([.. documents.Select(d => d.DocumentId)]);
        if (BeforeUpsert is { } before)
            await before(documents, cancellationToken);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new TimeoutException("The store did not answer (simulated).");
        return [.. documents.Select(d => new UpsertOutcome(d.DocumentId, _documents.TryAdd(d.DocumentId, d)))];
    }

    public Task<StoredDocument?> GetAsync(Guid documentId, CancellationToken cancellationToken) =>
        Task.FromResult(_documents.GetValueOrDefault(documentId));

    public Task<IReadOnlyList<DocumentVersion>> GetVersionsAsync(string sourcePath, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Consumer tests do not read versions.");

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Consumer tests do not search.");

    public Task<SearchFacets> GetFacetsAsync(SearchRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Consumer tests do not search.");

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)_documents.Count);

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
