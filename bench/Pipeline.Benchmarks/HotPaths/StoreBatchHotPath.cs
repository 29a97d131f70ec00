using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts;
using Pipeline.Extraction;
using Pipeline.Storage;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Benchmarks.HotPaths;

/// <summary>
/// The index stage's write: one batch of enriched articles into a real SQLite file (FTS5 included), the way
/// the index consumer hands over what it collected. Each invocation writes new documents (new ids), so the
/// cost measured is inserting, not skipping duplicates.
/// </summary>
[MemoryDiagnoser]
public class StoreBatchHotPath
{
    private readonly List<Article> _articles = [];
    private string _folder = null!;
    private SqliteArticleStore _store = null!;

    [Params(1, 20, 100)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var extractor = new ArticleExtractor(new ExtractionOptions());
        var generator = new Benchmarking.Generation.ArticleGenerator(20_251_125);
        foreach (var article in generator.Text(0, 50))
            _articles.Add(extractor.Extract(BenchArticles.InputOf(article)));
        _folder = Directory.CreateTempSubdirectory("pipeline-store-bench-").FullName;
        _store = new SqliteArticleStore(new StorageOptions { DataDirectory = _folder }, NullLogger<SqliteArticleStore>.Instance);
        await _store.InitializeAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public Task<IReadOnlyList<UpsertOutcome>> UpsertBatch()
    {
        var batch = new List<StoredDocument>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            var id = Guid.NewGuid();
            batch.Add(new StoredDocument
            {
                DocumentId = id,
                CorrelationId = id,
                // A fresh path per document: the same path again would make a new version of it instead.
                Article = _articles[i % _articles.Count] with { Source = _articles[i % _articles.Count].Source with { Path = id.ToString("N"), Sha256 = id.ToString("N") + id.ToString("N") } },
                DroppedAt = DateTimeOffset.UtcNow,
                Stages = [],
            });
        }

        return _store.UpsertAsync(batch, CancellationToken.None);
    }
}
