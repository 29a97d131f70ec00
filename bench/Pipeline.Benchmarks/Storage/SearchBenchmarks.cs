using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;

namespace Pipeline.Benchmarks.Storage;

/// <summary>
/// Search latency over a large synthetic corpus: two-word queries with one filter, top 20 and the total.
/// Every iteration is one query (a different one each time), so the P50 and P99 columns are per query.
/// The corpus size comes from PIPELINE_BENCH_DOCUMENTS (default 100,000). Loading it is the indexing figure:
/// one writer, batches of 500, only the store's work timed (documents are generated off the clock), printed
/// as "// Indexed ... documents/s".
/// Run: dotnet run -c Release --project bench/Pipeline.Benchmarks -- --filter '*SearchBenchmarks*'
/// (PIPELINE_BENCH_STORES=sqlite or postgres runs one store).
/// </summary>
[Config(typeof(StorageBenchConfig.PerQuery))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup].")]
public class SearchBenchmarks
{
    private const int LoadBatchSize = 500;

    private BenchStores? _stores;
    private IArticleStore? _store;
    private SearchRequest[] _queries = [];
    private int _next;

    [ParamsSource(nameof(Providers))]
    public StorageProvider Provider { get; set; }

    [ParamsSource(nameof(CorpusSizes))]
    public int Documents { get; set; }

    /// <summary>PIPELINE_BENCH_STORES, e.g. "sqlite" or "postgres"; both when unset.</summary>
    public static IEnumerable<StorageProvider> Providers() =>
        Enum.TryParse<StorageProvider>(Environment.GetEnvironmentVariable("PIPELINE_BENCH_STORES"), ignoreCase: true, out var provider)
            ? [provider]
            : [StorageProvider.Sqlite, StorageProvider.Postgres];

    public static IEnumerable<int> CorpusSizes() =>
        [int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_BENCH_DOCUMENTS"), out var size) ? size : 100_000];

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _stores = new BenchStores();
        _store = await _stores.CreateAsync(Provider);
        await _store.InitializeAsync(CancellationToken.None);
        var storing = new Stopwatch();
        for (var start = 0; start < Documents; start += LoadBatchSize)
        {
            // Generated ahead of the clock: only the store's work is timed.
            var batch = SyntheticCorpus.Generate(start, Math.Min(LoadBatchSize, Documents - start)).ToArray();
            storing.Start();
            await _store.UpsertAsync(batch, CancellationToken.None);
            storing.Stop();
        }

        // PostgreSQL merges its GIN pending lists beside the writes; the last merge belongs to indexing too.
        storing.Start();
        if (_store is PostgresArticleStore postgres)
            await postgres.MergePendingIndexEntriesAsync();
        storing.Stop();

        await _stores.SettleAsync(_store);
        Console.WriteLine($"// Indexed {Documents:N0} documents into {Provider} in {storing.Elapsed.TotalSeconds:F1} s: {Documents / storing.Elapsed.TotalSeconds:F0} documents/s (batches of {LoadBatchSize}, one writer)");

        var random = new Random(7);
        _queries = Enumerable.Range(0, 2_000).Select(_ => SyntheticCorpus.Query(random)).ToArray();
        var totals = new List<long>();
        foreach (var query in _queries.Take(200))
            totals.Add((await _store.SearchAsync(query, CancellationToken.None)).Total);
        totals.Sort();
        Console.WriteLine($"// Matches per query (first 200): median {totals[totals.Count / 2]}, 90th percentile {totals[totals.Count * 9 / 10]}, max {totals[^1]}");
    }

    [Benchmark]
    public async Task<long> TwoWordsOneFilterTop20()
    {
        var query = _queries[_next++ % _queries.Length];
        var results = await _store!.SearchAsync(query, CancellationToken.None);
        return results.Total + results.Hits.Count;
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (_store is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        await _stores!.DisposeAsync();
    }
}
