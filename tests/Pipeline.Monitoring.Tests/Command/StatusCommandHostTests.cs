using System.Text.Json;
using Pipeline.Monitoring.Status;
using Pipeline.Testing.Processes;
using Xunit.Abstractions;

namespace Pipeline.Monitoring.Tests.Command;

/// <summary><c>pipeline status --url</c> against a real <c>pipeline run</c> (embedded: in-memory bus, SQLite), both as child processes.</summary>
public sealed class StatusCommandHostTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("pipeline-monitoring-run-");
    private ChildProcess _host = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        _url = $"http://127.0.0.1:{FreePorts.Take(1)[0]}/";
        _host = ChildProcess.Start(PipelineHost.Options(
            new Dictionary<string, string?> { ["Monitoring__SampleInterval"] = "00:00:00.500" },
            "run", "--data", _data.FullName, "--urls", _url.TrimEnd('/')) with
        {
            OnOutputLine = line => Log($"[host] {line}"),
        });
        await Eventually.WaitUntilAsync(async ct =>
        {
            var report = await StatusEndpoint.TryReadAsync(new Uri(_url), ct);
            return report is { Stages.Count: 3 } && report.Stages.All(s => s.Consumers == 1);
        }, Deadline, "the host to answer /api/status with its three stages connected");
    }

    public async Task DisposeAsync()
    {
        await _host.StopGracefullyAsync(TimeSpan.FromSeconds(20));
        await _host.DisposeAsync();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task A_healthy_embedded_pipeline_exits_zero_and_counts_a_dropped_file()
    {
        var idle = await PipelineHost.RunAsync(new Dictionary<string, string?>(), "status", "--json", "--url", _url);

        Assert.True(idle.ExitCode == 0, idle.ToString());
        using (var json = JsonDocument.Parse(idle.StandardOutput))
        {
            Assert.Equal("Healthy", json.RootElement.GetProperty("health").GetString());
            Assert.Empty(json.RootElement.GetProperty("alerts").EnumerateArray());
            Assert.All(json.RootElement.GetProperty("stages").EnumerateArray(), s => Assert.Equal(1, s.GetProperty("consumers").GetInt32()));
        }

        await File.WriteAllTextAsync(Path.Combine(_data.FullName, "inbox", "harbour.txt"), Article);
        await Eventually.WaitUntilAsync(
            async ct => await StatusEndpoint.TryReadAsync(new Uri(_url), ct) is { Pipeline: { DocumentsCompleted: 1, DocumentsStored: 1 } },
            Deadline, "the dropped file to be stored and counted");

        var after = await PipelineHost.RunAsync(new Dictionary<string, string?>(), "status", "--json", "--url", _url);
        Assert.True(after.ExitCode == 0, after.ToString());
        var report = StatusJson.Deserialize(after.StandardOutput)!;
        Assert.Equal(1, report.Pipeline!.EndToEndLatency!.Count);
        Assert.True(report.Pipeline.EndToEndLatency.P50 > 0);
    }

    [Fact]
    public async Task A_host_that_does_not_answer_exits_one_with_the_reason()
    {
        var deadUrl = $"http://127.0.0.1:{FreePorts.Take(1)[0]}/";

        var result = await PipelineHost.RunAsync(new Dictionary<string, string?>(), "status", "--json", "--url", deadUrl);

        Assert.True(result.ExitCode == 1, result.ToString());
        var report = StatusJson.Deserialize(result.StandardOutput)!;
        Assert.Equal("source-unreachable", Assert.Single(report.Alerts).Code);
    }

    // My own sample text, written for this test.
    private const string Article = """
        Harbour pilots return to work after two-day stoppage

        PORT ELIZABETH - Harbour pilots returned to work on Tuesday after a two-day stoppage that left a dozen
        container ships waiting at anchor outside the port, the port authority said.

        The pilots had stopped work over a dispute about night-shift rosters, which was settled late on Monday
        after talks between the union and the authority.
        """;

    private void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test finished; a stopping host's late lines have nowhere to go.
        }
    }
}
