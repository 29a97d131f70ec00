using BenchmarkDotNet.Attributes;
using Pipeline.Contracts;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Pipeline.Benchmarks.Storage;

/// <summary>
/// Indexing throughput of one index worker: 5 KB articles upserted in batches into a store that keeps
/// growing from one iteration to the next. The reported time is per document (documents/s = 1 s / Mean).
/// Run: dotnet run -c Release --project bench/Pipeline.Benchmarks -- --filter '*IndexingBenchmarks*'
/// </summary>
[Config(typeof(StorageBenchConfig.Indexing))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class IndexingBenchmarks
{
    private const int DocumentsPerIteration = 5_000;

    private BenchStores? _stores;
    private IArticleStore? _store;
    private StoredDocument[] _next = [];
    private int _generated;

    [Params(StorageProvider.Sqlite, StorageProvider.Postgres)]
    public StorageProvider Provider { get; set; }

    [Params(500)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _stores = new BenchStores();
        _store = await _stores.CreateAsync(Provider);
        await _store.InitializeAsync(CancellationToken.None);
    }

    [IterationSetup]
    public void GenerateNextDocuments()
    {
        _next = SyntheticCorpus.Generate(_generated, DocumentsPerIteration).ToArray();
        _generated += DocumentsPerIteration;
    }

    [Benchmark(OperationsPerInvoke = DocumentsPerIteration)]
    public async Task UpsertBatches()
    {
        foreach (var batch in _next.Chunk(BatchSize))
            await _store!.UpsertAsync(batch, CancellationToken.None);

        // PostgreSQL's pending-list merge runs beside the writes; the iteration is not done before it is.
        if (_store is PostgresArticleStore postgres)
            await postgres.MergePendingIndexEntriesAsync();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (_store is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        await _stores!.DisposeAsync();
    }
}
