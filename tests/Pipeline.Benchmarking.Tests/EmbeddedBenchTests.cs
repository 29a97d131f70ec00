using Pipeline.Testing.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Benchmarking.Running;

namespace Pipeline.Benchmarking.Tests;

/// <summary>The whole bench, end to end, on the embedded set-up only (no broker or database server: cheap for CI).</summary>
public sealed class EmbeddedBenchTests
{
    [Fact]
    public async Task Quick_embedded_run_drives_articles_from_the_inbox_to_the_store_and_reports_them()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bench:Quick"] = "true",
            ["Bench:Count"] = "40",
            ["Bench:WarmupCount"] = "5",
            ["Bench:LatencyPhase"] = "00:00:01",
            ["Bench:Setups:0"] = nameof(SetupKind.Embedded),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(PipelineExecutable.OfDll(PipelineHost.DllPath));
        services.AddPipelineBench(configuration);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<BenchRunner>().RunAsync(CancellationToken.None);

        var embedded = Assert.IsType<Reporting.SetupResult>(report.Embedded);
        Assert.True(embedded.ArticlesPerSecond > 0);
        Assert.True(embedded.P50Ms > 0, "latency includes detecting the file, so it cannot be zero");
        Assert.True(embedded.P50Ms <= embedded.P95Ms && embedded.P95Ms <= embedded.P99Ms);
        Assert.InRange(embedded.PeakRssMb, 10, 4096);
        Assert.Null(report.Distributed);
        Assert.Null(report.Ceiling);
    }
}
