using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Mathematics.OutlierDetection;

namespace Pipeline.Benchmarks.Storage;

/// <summary>
/// Storage benchmarks are macro benchmarks over a database: each iteration is measured once (Monitoring)
/// and runs in process, so the corpus is loaded once and no separate benchmark project is built.
/// </summary>
public static class StorageBenchConfig
{
    // In-process runs are cut off after a few minutes by default; loading a large corpus takes longer.
    private static readonly InProcessEmitToolchain LongRunning = new(TimeSpan.FromHours(1), logOutput: true);

    /// <summary>Each iteration upserts thousands of documents into a store that keeps growing.</summary>
    public sealed class Indexing : ManualConfig
    {
        public Indexing() => AddJob(Job.Default
            .WithToolchain(LongRunning)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(8)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }

    /// <summary>Each iteration is one query, so percentiles are per query; slow queries are kept, not dropped as outliers.</summary>
    public sealed class PerQuery : ManualConfig
    {
        public PerQuery()
        {
            AddJob(Job.Default
                .WithToolchain(LongRunning)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(200)
                .WithIterationCount(1_000)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithOutlierMode(OutlierMode.DontRemove));
            AddColumn(new PercentileColumn(50), new PercentileColumn(99));
        }
    }
}
