using System.Text.Json;
using Pipeline.Testing.Processes;

namespace Pipeline.Benchmarking.Tests;

/// <summary>
/// `pipeline bench --quick --json` as a user runs it: the real executable, its own private broker and database
/// server, every set-up, and one JSON object on standard output in the shape the issue defines.
/// </summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Quick_run_without_servers_starts_its_own_and_prints_every_set_up_as_one_json_object()
    {
        var result = await BenchCommand.RunAsync(environment: null, "bench", "--quick", "--json", "--count", "120");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Starting a private RabbitMQ node", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Starting a private PostgreSQL server", result.StandardError, StringComparison.Ordinal);
        var report = BenchCommand.SingleJsonObject(result.StandardOutput);
        BenchCommand.AssertSetup(report.GetProperty("embedded"), distributed: false);
        var postgresRate = BenchCommand.AssertSetup(report.GetProperty("distributed"), distributed: true);
        BenchCommand.AssertSetup(report.GetProperty("distributedSqlite"), distributed: true);
        BenchCommand.AssertCeilingAndRatio(report, postgresRate);
    }
}

/// <summary>Running the bench command and reading its JSON, for the bench command's tests.</summary>
internal static class BenchCommand
{
    /// <summary>A quick run takes about 30 s alone; beside the rest of the suite on two cores it can take several times that.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        ChildProcess.RunAsync(PipelineHost.Options(environment, arguments), Timeout);

    /// <summary>With --json, standard output is the report and nothing else: the log goes to standard error.</summary>
    public static JsonElement SingleJsonObject(string standardOutput)
    {
        var lines = standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        var report = JsonDocument.Parse(line).RootElement;
        Assert.Equal(["embedded", "distributed", "distributedSqlite", "ceiling", "ratio"], Names(report));
        return report;
    }

    /// <returns>The set-up's articles per second.</returns>
    public static double AssertSetup(JsonElement setup, bool distributed)
    {
        Assert.Equal(JsonValueKind.Object, setup.ValueKind);
        string[] expected = distributed
            ? ["articlesPerSecond", "p50Ms", "p95Ms", "p99Ms", "peakRssMb", "cpuMsPerArticle"]
            : ["articlesPerSecond", "p50Ms", "p95Ms", "p99Ms", "peakRssMb"];
        Assert.Equal(expected, Names(setup));
        var rate = setup.GetProperty("articlesPerSecond").GetDouble();
        Assert.True(rate > 0, $"articles/s {rate}");
        var (p50, p95, p99) = (setup.GetProperty("p50Ms").GetDouble(), setup.GetProperty("p95Ms").GetDouble(), setup.GetProperty("p99Ms").GetDouble());
        // Latency runs from the file's drop to its being searchable, detection included: never zero.
        Assert.True(0 < p50 && p50 <= p95 && p95 <= p99, $"p50 {p50}, p95 {p95}, p99 {p99}");
        Assert.InRange(setup.GetProperty("peakRssMb").GetDouble(), 10, 4096);
        if (distributed)
        {
            var cpu = setup.GetProperty("cpuMsPerArticle");
            Assert.Equal(["ingest", "extract", "index"], Names(cpu));
            foreach (var stage in cpu.EnumerateObject())
                Assert.True(stage.Value.GetDouble() > 0, $"{stage.Name} spent no CPU");
        }

        return rate;
    }

    /// <summary>The ceiling's shape, and the ratio: the PostgreSQL set-up's articles/s over the ceiling.</summary>
    public static void AssertCeilingAndRatio(JsonElement report, double postgresRate)
    {
        var ceiling = report.GetProperty("ceiling");
        Assert.Equal(["messagesPerSecond"], Names(ceiling));
        var ceilingRate = ceiling.GetProperty("messagesPerSecond").GetDouble();
        Assert.True(ceilingRate > 0, $"ceiling {ceilingRate}");
        // Both rates are rounded in the JSON; the ratio is computed before rounding.
        Assert.Equal(postgresRate / ceilingRate, report.GetProperty("ratio").GetDouble(), 0.002);
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
