using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Benchmarking.Running;
using Pipeline.Benchmarking.Scaling;
using Pipeline.Testing.Processes;
using Pipeline.Testing.RabbitMq;

namespace Pipeline.Benchmarking.Tests;

/// <summary>
/// `pipeline bench --scaling` end to end on a small scale: real extract worker processes on a real broker. Checks
/// the mode runs and the work is shared, not how fast it is (that is the bench's job, on a quiet machine).
/// </summary>
[Collection(RabbitMqFixture.CollectionName)]
public sealed class ScalingBenchTests(RabbitMqFixture broker)
{
    private const int Pages = 60;

    [Fact]
    public async Task Every_timed_page_is_extracted_once_and_two_workers_share_the_queue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bench:RabbitMqUri"] = broker.Server.AmqpUri.ToString(),
            ["Bench:Scaling:Workers:0"] = "1",
            ["Bench:Scaling:Workers:1"] = "2",
            ["Bench:Scaling:Pages"] = Pages.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bench:Scaling:WarmupPagesPerWorker"] = "5",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(PipelineExecutable.OfDll(PipelineHost.DllPath));
        services.AddPipelineBench(configuration);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<ScalingBench>().RunAsync(CancellationToken.None);

        Assert.Equal([1, 2], report.Runs.Select(r => r.Workers));
        Assert.All(report.Runs, run =>
        {
            Assert.True(run.PagesPerSecond > 0);
            // Every timed page arrived exactly once (the collector keys by document id), all from the run's workers.
            Assert.Equal(Pages, run.Shares.Sum());
            Assert.Equal(run.Workers, run.Shares.Count);
            Assert.Equal(0, run.PagesExtractedTwice);
        });
        Assert.All(report.Runs[1].Shares, share => Assert.True(share > 0, "each of the two workers should take pages"));
        Assert.NotNull(report.SpeedupTwoOverOne);
        // Nothing left behind in the queue (the management API samples its figures every few seconds).
        using var management = broker.Server.CreateManagementClient();
        await Eventually.WaitUntilAsync(
            async ct => (await management.GetQueueAsync("pipeline-extract", broker.Server.VirtualHost, ct))?.Messages == 0,
            TimeSpan.FromSeconds(30),
            "pipeline-extract to be empty",
            TimeSpan.FromMilliseconds(500));
    }
}
