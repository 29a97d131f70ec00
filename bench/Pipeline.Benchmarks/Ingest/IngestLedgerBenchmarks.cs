using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Pipeline.Ingest;
using Pipeline.Ingest.Ledger;

namespace Pipeline.Benchmarks.Ingest;

/// <summary>
/// The ledger's writes for a burst of files the way ingest makes them: several files claimed at once
/// (Ingest:MaxConcurrentFiles) while outcomes of earlier ones arrive (Ingest:ConsumerConcurrency), each file
/// written three times (claiming, published, stored). Files per second = Files / mean.
/// </summary>
[MemoryDiagnoser]
public class IngestLedgerBenchmarks : IDisposable
{
    private const int Files = 200;
    private const int Concurrency = 12;
    private string _folder = null!;
    private IngestLedger _ledger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("ledger-bench-").FullName;
        _ledger = new IngestLedger(Options.Create(new IngestOptions { LedgerPath = Path.Combine(_folder, "ledger.db") }));
    }

    [Benchmark(OperationsPerInvoke = Files)]
    public Task ConcurrentFileLives() =>
        Parallel.ForEachAsync(Enumerable.Range(0, Files), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, token) =>
        {
            var now = DateTimeOffset.UtcNow;
            var claim = new ClaimRecord
            {
                CorrelationId = Guid.NewGuid(),
                SourcePath = $"burst/file-{i}.txt",
                SizeBytes = 5_000,
                State = ClaimState.Received,
                DroppedAt = now,
                UpdatedAt = now,
            };
            await _ledger.RecordClaimingAsync(claim, token);
            claim = claim with { Sha256 = Convert.ToHexString(Guid.NewGuid().ToByteArray()), DocumentId = Guid.NewGuid() };
            await _ledger.RecordPublishedAsync(claim, now, token);
            await _ledger.SaveAsync(claim with { State = ClaimState.Stored }, token);
        });

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
