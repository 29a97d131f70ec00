using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Benchmarking.Generation;
using Pipeline.Benchmarking.Measuring;
using Pipeline.Benchmarking.Reporting;
using Pipeline.Storage;

namespace Pipeline.Benchmarking.Running;

/// <summary>
/// One set-up measured from the inbox to the store: warm-up, then a throughput phase (every article written
/// beside the inbox beforehand, then all moved in at once; rate = articles / (last stored - first dropped)), then
/// a latency phase at half that rate (drop-to-stored percentiles, file detection included). Each phase ends once
/// ingest has archived its files, so the next starts from an idle pipeline. CPU is what each process spent in the
/// throughput phase, archiving included; memory is each process's peak resident set over the whole run.
/// </summary>
internal sealed class SetupBench(BenchOptions options, PipelineExecutable executable, ArticleGenerator generator, TimeProvider clock, ILogger logger)
{
    private const double Megabyte = 1024 * 1024;

    public async Task<SetupResult> RunAsync(SetupKind kind, BenchBroker? broker, string? postgres, CancellationToken cancellationToken)
    {
        var count = options.ArticleCount;
        var warmupCount = options.EffectiveWarmupCount;
        logger.Starting(kind);
        await using var setup = await RunningSetup.StartAsync(executable, kind, broker, postgres, options.StartTimeout, cancellationToken);
        await using var services = setup.OpenStore();
        var probe = new StoreProbe(services.GetRequiredService<IArticleStore>());
        await probe.InitializeAsync(cancellationToken);
        var driver = new InboxDriver(setup.Inbox, setup.DataDirectory);

        // Indexes: throughput [0, count), warm-up [count, count + warm-up), latency after that.
        long expected = warmupCount;
        await driver.DropAsync(generator.Text(count, warmupCount), null, clock, cancellationToken);
        await probe.WaitForCountAsync(expected, PhaseTimeout(warmupCount), () => setup.Diagnostics(), cancellationToken);
        await driver.WaitUntilArchivedAsync((int)expected, PhaseTimeout(warmupCount), cancellationToken);
        var staged = await driver.StageAsync(generator.Text(0, count), cancellationToken);
        var beforeThroughput = setup.Sample();
        var brokerBefore = broker?.CpuTime();
        var residentAfterWarmup = Resident(beforeThroughput);
        logger.WarmedUp(kind, warmupCount, residentAfterWarmup);

        var drops = driver.DropStaged(staged, clock);
        expected += count;
        await probe.WaitForCountAsync(expected, PhaseTimeout(count), () => setup.Diagnostics(), cancellationToken);
        await driver.WaitUntilArchivedAsync((int)expected, PhaseTimeout(count), cancellationToken);
        var afterThroughput = setup.Sample();
        var brokerCpu = BenchBroker.MillisecondsPer(brokerBefore, broker?.CpuTime(), count);
        var burstLatencies = await probe.LatenciesAsync(drops, cancellationToken);
        var lastStored = drops.Select((drop, i) => drop.DroppedAt.AddMilliseconds(burstLatencies[i])).Max();
        var rate = count / (lastStored - drops[0].DroppedAt).TotalSeconds;
        var cpuPerArticle = CpuPerArticle(beforeThroughput, afterThroughput, count);
        logger.Throughput(kind, count, rate, brokerCpu is { } brokerMs ? $"{cpuPerArticle}, broker {brokerMs:F2}" : cpuPerArticle);

        var pacedRate = rate / 2;
        var pacedCount = (int)Math.Clamp(pacedRate * options.EffectiveLatencyPhase.TotalSeconds, 20, Math.Max(20, count));
        var paced = await driver.DropAsync(generator.Text(count + warmupCount, pacedCount), pacedRate, clock, cancellationToken);
        expected += pacedCount;
        await probe.WaitForCountAsync(expected, PhaseTimeout(pacedCount) + options.EffectiveLatencyPhase, () => setup.Diagnostics(), cancellationToken);
        var breakdowns = await probe.BreakdownsAsync(paced, cancellationToken);
        var latenciesByDrop = breakdowns.Select(segments => segments.Sum()).ToList();
        var latencies = latenciesByDrop.Order().ToList();
        var end = setup.Sample();
        var (p50, p95, p99) = (Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), Percentiles.Of(latencies, 99));
        var (residentAtEnd, peaks) = (Resident(end), Peak(end));
        var (slowFrom, slowTo) = SlowestDrops.Window([.. paced.Select(d => d.DroppedAt)], latenciesByDrop, 99);
        logger.Latency(kind, pacedCount, pacedRate, p50, p99, slowFrom.TotalSeconds, slowTo.TotalSeconds, residentAtEnd, peaks);
        var breakdown = LatencyBreakdown.Describe(breakdowns, latenciesByDrop, 99);
        logger.LatencyBreakdown(kind, breakdown);

        var peakRssMb = Math.Round(end.Values.Max(s => s.PeakResidentBytes) / Megabyte, 1);
        static double Round(double value) => Math.Round(value, 1);
        if (kind == SetupKind.Embedded)
            return new SetupResult(Round(rate), Round(p50), Round(p95), Round(p99), peakRssMb);

        var cpu = new StageCpu(
            CpuMs(beforeThroughput, afterThroughput, "ingest", count),
            CpuMs(beforeThroughput, afterThroughput, "extract", count),
            CpuMs(beforeThroughput, afterThroughput, "index", count));
        return new DistributedResult(Round(rate), Round(p50), Round(p95), Round(p99), peakRssMb, cpu, brokerCpu);
    }

    private TimeSpan PhaseTimeout(int articles) => TimeSpan.FromSeconds(30 + (articles / options.SlowestRate));

    private static double CpuMs(IReadOnlyDictionary<string, ProcessSample> before, IReadOnlyDictionary<string, ProcessSample> after, string stage, int count) =>
        Math.Round((after[stage].CpuTime - before[stage].CpuTime).TotalMilliseconds / count, 3);

    private static string CpuPerArticle(IReadOnlyDictionary<string, ProcessSample> before, IReadOnlyDictionary<string, ProcessSample> after, int count) =>
        string.Join(", ", after.Keys.Select(stage => $"{stage} {CpuMs(before, after, stage, count):F2}"));

    private static string Resident(IReadOnlyDictionary<string, ProcessSample> samples) =>
        string.Join(", ", samples.Select(s => $"{s.Key} {s.Value.ResidentBytes / Megabyte:F0}"));

    private static string Peak(IReadOnlyDictionary<string, ProcessSample> samples) =>
        string.Join(", ", samples.Select(s => $"{s.Key} {s.Value.PeakResidentBytes / Megabyte:F0}"));
}
