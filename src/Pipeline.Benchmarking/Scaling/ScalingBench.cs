using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Benchmarking.Generation;
using Pipeline.Benchmarking.Running;
using Pipeline.LocalServers;
using RabbitMQ.Client;

namespace Pipeline.Benchmarking.Scaling;

/// <summary>
/// `pipeline bench --scaling`: for each worker count K, the extract queue is preloaded with warm-up pages and then
/// the timed HTML pages, K real `pipeline worker extract` processes are started on it, and the drain is timed from
/// the workers' own stage visits (first timed page started to last finished). Reports pages per second per K,
/// each worker's share and the 2-over-1 speed-up.
/// </summary>
public sealed class ScalingBench(IOptions<BenchOptions> bench, IOptions<ScalingOptions> scaling, PipelineExecutable executable, ILogger<ScalingBench> logger)
{
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(30);

    public async Task<ScalingReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = bench.Value;
        var options = scaling.Value;
        var pages = settings.Quick ? options.QuickPages : options.Pages;
        await GivenBroker.EnsureNoPipelineUsesAsync(settings.RabbitMqUri, cancellationToken);
        await using var servers = await BenchServers.StartAsync(settings, needBroker: true, needPostgres: false, logger, cancellationToken);
        var factory = new ConnectionFactory { Uri = servers.Broker!.Amqp, ClientProvidedName = "pipeline bench scaling" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);

        // A worker declares the extract queue with the arguments the pipeline uses (quorum, delivery limit, dead letters).
        await using (await StartWorkersAsync(servers.Broker!, 1, options, cancellationToken)) { }

        var generator = new ArticleGenerator(settings.Seed);
        var runs = new List<ScalingRun>();
        foreach (var workers in options.EffectiveWorkers)
        {
            await using var collector = await ExtractedCollector.StartAsync(connection, cancellationToken);
            var warmupCount = workers * options.WarmupPagesPerWorker;
            await ExtractQueueLoader.LoadAsync(connection, generator.Html(pages, warmupCount), cancellationToken);
            var timed = await ExtractQueueLoader.LoadAsync(connection, generator.Html(0, pages), cancellationToken);
            logger.ScalingLoaded(workers, warmupCount, pages);

            IReadOnlyList<ExtractVisit> visits;
            await using (await StartWorkersAsync(servers.Broker!, workers, options, cancellationToken))
            {
                visits = await collector.WaitForAsync(timed, options.RunTimeout, cancellationToken);
            }

            var seconds = (visits.Max(v => v.FinishedAt) - visits.Min(v => v.StartedAt)).TotalSeconds;
            var shares = visits.GroupBy(v => v.Worker).Select(g => g.Count()).OrderDescending().ToList();
            var run = new ScalingRun(workers, Math.Round(pages / seconds, 1), shares, collector.Duplicates);
            var shareList = string.Join(" / ", shares);
            logger.ScalingMeasured(workers, run.PagesPerSecond, shareList, run.PagesExtractedTwice);
            runs.Add(run);
        }

        var one = runs.FirstOrDefault(r => r.Workers == 1);
        var two = runs.FirstOrDefault(r => r.Workers == 2);
        double? speedup = one is not null && two is not null ? Math.Round(two.PagesPerSecond / one.PagesPerSecond, 2) : null;
        return new ScalingReport(pages, options.ProcessorsPerWorker, Environment.ProcessorCount, runs, speedup);
    }

    /// <summary>Starts <paramref name="count"/> extract workers at once and returns when each says it is running.</summary>
    private async Task<WorkerGroup> StartWorkersAsync(BenchBroker broker, int count, ScalingOptions options, CancellationToken cancellationToken)
    {
        var group = new WorkerGroup(Directory.CreateTempSubdirectory("pipeline-bench-scaling-").FullName);
        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_PROCESSOR_COUNT"] = options.ProcessorsPerWorker > 0 ? options.ProcessorsPerWorker.ToString(CultureInfo.InvariantCulture) : null,
            };
            for (var i = 0; i < count; i++)
            {
                var data = Directory.CreateDirectory(Path.Combine(group.Folder, i.ToString(CultureInfo.InvariantCulture))).FullName;
                var worker = executable.Options(
                    ["worker", "extract", .. broker.WorkerArguments(), "--data", data, "--urls", "http://127.0.0.1:0", "--store", "sqlite"],
                    environment);
                group.Processes.Add(ChildProcess.Start(PinnedToCpus(worker, i, options)));
            }

            await Task.WhenAll(group.Processes.Select(p => p.WaitForOutputAsync("Pipeline is running", bench.Value.StartTimeout, cancellationToken)));
            return group;
        }
        catch
        {
            await group.DisposeAsync();
            throw;
        }
    }

    /// <summary>The worker's command behind <c>taskset -c CPUS</c>, which execs it (same process id, same signals).</summary>
    private static ChildProcessOptions PinnedToCpus(ChildProcessOptions worker, int index, ScalingOptions options)
    {
        if (!options.PinToCpus || options.ProcessorsPerWorker <= 0 || !OperatingSystem.IsLinux())
            return worker;
        var cpus = Enumerable.Range(index * options.ProcessorsPerWorker, options.ProcessorsPerWorker)
            .Select(cpu => (cpu % Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture));
        return worker with { FileName = "taskset", Arguments = ["-c", string.Join(',', cpus), worker.FileName, .. worker.Arguments] };
    }

    /// <summary>Worker processes of one run; disposing stops them with SIGTERM and deletes their data folders.</summary>
    private sealed class WorkerGroup(string folder) : IAsyncDisposable
    {
        public string Folder { get; } = folder;

        public List<ChildProcess> Processes { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await Task.WhenAll(Processes.Select(p => p.StopGracefullyAsync(StopGracePeriod)));
            foreach (var process in Processes)
                await process.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
