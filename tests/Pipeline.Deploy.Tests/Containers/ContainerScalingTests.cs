using System.Diagnostics;
using System.Text.Json;
using Pipeline.Benchmarking.Generation;
using Pipeline.Contracts;
using Pipeline.Testing.Processes;
using Xunit.Abstractions;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>
/// The stage workers as real containers (Podman, driven by docker-compose through its Docker API) on a private
/// RabbitMQ and PostgreSQL on the host. The images are built once for the class (<see cref="LocalContainerImages"/>);
/// each test brings up a compose project of its own and takes it down afterwards, also when it fails.
/// </summary>
public sealed class ContainerScalingTests(LocalContainerImages images, ITestOutputHelper output) : IClassFixture<LocalContainerImages>
{
    private const int ArticlesPerBatch = 60;

    /// <summary>deploy/compose.local.yml's stop_grace_period; the workers' shutdown timeout (30 s) is shorter.</summary>
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(40);

    [SkippableFact]
    public async Task Stage_containers_share_their_queues_and_lose_nothing_when_scaled_in()
    {
        Skip.If(LocalContainerImages.MissingPrerequisite is not null, LocalContainerImages.MissingPrerequisite);
        await using var stack = await ContainerStack.StartAsync(images);
        await RunAsync(stack, async () =>
        {
            await stack.Project.UpAsync(new Dictionary<string, int> { ["ingest"] = 1, ["extract"] = 3, ["index"] = 2 });
            await stack.WaitForConsumersAsync("pipeline-extract", 3);
            await stack.WaitForConsumersAsync("pipeline-index", 2);
            await stack.WaitForConsumersAsync("pipeline-ingest", 1);
            Assert.Equal(3, await StatusConsumersAsync(stack, Stages.Extract));

            var first = await SampleArticles.DropAsync(stack.Project.Inbox, "a", ArticlesPerBatch);
            await stack.WaitUntilStoredAsync(first);
            // The broker refreshes its channel figures every few seconds, and a quiet machine stores the batch
            // sooner: wait until the figures account for the whole batch before judging the shares.
            var shares = await Eventually.WaitForAsync(
                async _ =>
                {
                    var seen = await BrokerShares.DeliveriesPerConsumerAsync(stack.Management, "pipeline-extract");
                    return seen.Count == 3 && seen.Values.Sum() >= ArticlesPerBatch ? seen : null;
                },
                TimeSpan.FromSeconds(60),
                "the broker's channel figures to count the first batch",
                TimeSpan.FromSeconds(1));
            output.WriteLine($"extract deliveries per replica: {string.Join(", ", shares.Values)}");
            Assert.Equal(3, shares.Count);
            Assert.All(shares.Values, delivered => Assert.True(delivered > 0, "every extract replica should take a share"));

            // Scale in while the second batch is being worked on: the stopped replicas finish or requeue what they hold.
            var second = await SampleArticles.DropAsync(stack.Project.Inbox, "b", ArticlesPerBatch);
            await stack.Project.UpAsync(new Dictionary<string, int> { ["ingest"] = 1, ["extract"] = 1, ["index"] = 2 });
            await stack.WaitForConsumersAsync("pipeline-extract", 1);
            await stack.WaitUntilStoredAsync([.. first, .. second]);

            Assert.Equal(2 * ArticlesPerBatch, await stack.Store.CountAsync(CancellationToken.None));
            await AssertNoErrorsAsync(stack);
        });
    }

    [SkippableFact]
    public async Task Compose_stop_on_a_busy_extract_worker_exits_within_its_grace_period_and_loses_nothing()
    {
        Skip.If(LocalContainerImages.MissingPrerequisite is not null, LocalContainerImages.MissingPrerequisite);
        await using var stack = await ContainerStack.StartAsync(images);
        await RunAsync(stack, async () =>
        {
            await stack.Project.UpAsync(new Dictionary<string, int> { ["ingest"] = 1, ["extract"] = 1, ["index"] = 1 });
            await stack.WaitForConsumersAsync("pipeline-extract", 1);
            await stack.WaitForConsumersAsync("pipeline-index", 1);
            await stack.WaitForConsumersAsync("pipeline-ingest", 1);
            var worker = Assert.Single(await stack.Project.ContainerNamesAsync("extract"));

            // HTML pages of 50-300 KB keep the only extract worker busy for a while: a backlog with messages in hand.
            // The first stored page says the worker is in the middle of it. (The management API's unacked count
            // was the signal before, but its figures refresh every few seconds, and a quiet machine finished
            // 120 pages before they showed anything in flight.)
            var ids = await DropHtmlAsync(stack.Project.Inbox, 400);
            await Eventually.WaitUntilAsync(
                async ct => await stack.Store.CountAsync(ct) > 0,
                ContainerStack.ProcessingDeadline,
                "the extract worker to be working through the backlog",
                TimeSpan.FromMilliseconds(100));

            var stopping = Stopwatch.StartNew();
            await stack.Project.StopAsync("extract");
            stopping.Stop();
            var exitCode = (await images.Podman.PodmanAsync("inspect", "--format", "{{.State.ExitCode}}", worker)).StandardOutput.Trim();
            output.WriteLine($"docker-compose stop extract took {stopping.Elapsed.TotalSeconds:F1} s; exit code {exitCode}");
            Assert.True(stopping.Elapsed < GracePeriod, $"stop took {stopping.Elapsed}, the grace period is {GracePeriod}");
            // 137 would mean the runtime had to SIGKILL it at the end of the grace period.
            Assert.Equal("0", exitCode);

            // What the stopped worker held went back to the queue: a fresh worker finishes all of it.
            Assert.True(await stack.Store.CountAsync(CancellationToken.None) < ids.Count, "the worker was stopped before the backlog was done");
            await stack.Project.UpAsync(new Dictionary<string, int> { ["ingest"] = 1, ["extract"] = 1, ["index"] = 1 });
            await stack.WaitUntilStoredAsync(ids);
            Assert.Equal(ids.Count, await stack.Store.CountAsync(CancellationToken.None));
            await AssertNoErrorsAsync(stack);
        });
    }

    [SkippableFact]
    public async Task Extract_workers_replaced_one_by_one_under_load_lose_and_double_nothing_and_latency_recovers()
    {
        Skip.If(LocalContainerImages.MissingPrerequisite is not null, LocalContainerImages.MissingPrerequisite);
        await using var stack = await ContainerStack.StartAsync(images);
        await RunAsync(stack, async () =>
        {
            var replicas = new Dictionary<string, int> { ["ingest"] = 1, ["extract"] = 2, ["index"] = 1 };
            await stack.Project.UpAsync(replicas);
            await stack.WaitForConsumersAsync("pipeline-extract", 2);
            await stack.WaitForConsumersAsync("pipeline-index", 1);
            await stack.WaitForConsumersAsync("pipeline-ingest", 1);

            await using var load = SteadyLoad.Start(stack.Project.Inbox, perSecond: 4);
            // The first articles meet workers that are still compiling their code: not the baseline.
            var warmedUp = await load.WaitForDroppedAsync(20);
            var before = await load.WaitForDroppedAsync(warmedUp + 30);

            // Rolling: a new replica joins before an old one gets SIGTERM, so the stage never loses capacity.
            foreach (var old in await stack.Project.ContainerNamesAsync("extract"))
            {
                await stack.Project.UpAsync(new Dictionary<string, int>(replicas) { ["extract"] = 3 }, noRecreate: true);
                await stack.WaitForConsumersAsync("pipeline-extract", 3);
                await images.Podman.PodmanAsync("stop", "--time", ((int)GracePeriod.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), old);
                await images.Podman.PodmanAsync("rm", old);
                await stack.WaitForConsumersAsync("pipeline-extract", 2);
            }

            var restarted = load.Dropped.Count;
            await load.WaitForDroppedAsync(restarted + 30);
            var dropped = await load.StopAsync();
            await stack.WaitUntilStoredAsync([.. dropped.Select(d => d.Id)]);

            // Nothing lost, nothing doubled: one record per dropped article, each extracted and indexed once.
            Assert.Equal(dropped.Count, await stack.Store.CountAsync(CancellationToken.None));
            var latencies = new List<double>(dropped.Count);
            foreach (var drop in dropped)
            {
                var stored = (await stack.Store.GetAsync(drop.Id, CancellationToken.None))!;
                Assert.Single(stored.Stages, s => s.Stage == Stages.Extract);
                Assert.Single(stored.Stages, s => s.Stage == Stages.Index);
                latencies.Add((stored.StoredAt!.Value - stored.DroppedAt).TotalMilliseconds);
            }

            await AssertNoErrorsAsync(stack);
            var baseline = Median(latencies.Take(before).Skip(warmedUp));
            var during = latencies.Skip(before).Take(restarted - before).DefaultIfEmpty(0).Max();
            var after = Median(latencies.Skip(restarted));
            output.WriteLine($"latency ms: median before {baseline:F0}, worst during the restarts {during:F0}, median after {after:F0} ({dropped.Count} articles)");
            // Recovered: back near the level before the restarts (slack for a loaded CI machine), not still climbing.
            Assert.True(after <= (2 * baseline) + 1000, $"median latency after the restarts {after:F0} ms, before {baseline:F0} ms");
        });
    }

    /// <summary>Runs the test body; on failure prints the workers' and Podman's logs before rethrowing.</summary>
    private async Task RunAsync(ContainerStack stack, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception failure) when (failure is not SkipException)
        {
            output.WriteLine($"test failed: {failure.Message}");
            output.WriteLine(await stack.SafeLogsAsync());
            output.WriteLine("podman API service: " + images.Podman.ServiceOutput());
            throw;
        }
    }

    private static async Task AssertNoErrorsAsync(ContainerStack stack)
    {
        foreach (var queue in (string[])["pipeline-extract_error", "pipeline-index_error", "pipeline-ingest_error"])
        {
            Assert.True(((await stack.Management.GetQueueAsync(queue))?.Messages ?? 0) == 0, $"{queue} should be empty");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? throw new InvalidOperationException("No latencies in this phase.") : sorted[sorted.Count / 2];
    }

    private static async Task<IReadOnlyList<Guid>> DropHtmlAsync(string inbox, int count)
    {
        var ids = new List<Guid>(count);
        foreach (var page in new ArticleGenerator(20_251_126).Html(0, count))
        {
            // Written under a dot name and renamed: the watcher ignores hidden files and sees only complete ones.
            var hidden = Path.Combine(inbox, "." + page.FileName);
            await File.WriteAllBytesAsync(hidden, page.Content);
            File.Move(hidden, Path.Combine(inbox, page.FileName));
            ids.Add(DocumentIds.FromSha256Hex(DocumentIds.Sha256Hex(page.Content)));
        }

        return ids;
    }

    /// <summary>What `pipeline status --json` (the real command, reading the broker) says about one stage's consumers.</summary>
    private static async Task<int> StatusConsumersAsync(ContainerStack stack, string stage)
    {
        var credentials = stack.BrokerUri.UserInfo.Split(':', 2);
        var management = new UriBuilder(stack.ManagementUri) { UserName = credentials[0], Password = credentials.ElementAtOrDefault(1) ?? string.Empty }.Uri;
        var result = await ChildProcess.RunAsync(
            new ChildProcessOptions(ChildProcess.DotnetHostPath, [Path.Combine(AppContext.BaseDirectory, "pipeline.dll"), "status", "--json", "--management", management.ToString()]),
            TimeSpan.FromMinutes(1));
        using var report = JsonDocument.Parse(result.StandardOutput);
        foreach (var entry in report.RootElement.GetProperty("stages").EnumerateArray())
        {
            if (entry.GetProperty("stage").GetString() == stage)
            {
                return entry.GetProperty("consumers").GetInt32();
            }
        }

        throw new InvalidOperationException($"`pipeline status --json` has no stage {stage}: {result.StandardOutput}");
    }
}
