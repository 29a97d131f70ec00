using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.Tests.Embedded;

namespace Pipeline.Monitoring.Tests.InProcess;

/// <summary>In embedded mode the figures come from this process's bus observers: checked on a real in-memory bus.</summary>
[Collection(EmbeddedPipelineFixture.CollectionName)]
public sealed class EmbeddedPipelineFiguresTests(EmbeddedPipelineFixture pipeline)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly MonitoredPipelineHost _host = pipeline.Host;

    [Fact]
    public async Task Documents_flowing_through_show_as_rates_consumers_and_end_to_end_latency()
    {
        var completedBefore = _host.Activity.DocumentsCompleted;
        await _host.SampleAsync();

        for (var i = 0; i < 5; i++) await _host.DropAsync($"flow-{i}.txt", waited: TimeSpan.FromSeconds(2));
        await Wait.UntilAsync(() => _host.Activity.DocumentsCompleted == completedBefore + 5, Deadline, "5 documents through the pipeline");
        await _host.SampleAsync();

        var report = _host.State.Current!;
        Assert.Equal(["ingest", "extract", "index"], report.Stages.Select(s => s.Stage));
        foreach (var stage in report.Stages)
        {
            Assert.Equal(1, stage.Consumers);
            Assert.Equal(0, stage.Ready);
            Assert.Equal(0, stage.Unacked);
            Assert.True(stage.DeliverRate > 0, $"{stage.Stage} delivered nothing");
            Assert.True(stage.PublishRate > 0, $"{stage.Stage} received nothing");
            Assert.NotNull(stage.ProcessingTimeMs);
        }
        var latency = report.Pipeline!.EndToEndLatency!;
        Assert.True(latency.Count >= 5);
        // These five waited 2 s in the inbox before ingest published them.
        Assert.InRange(latency.P99, 2000, 2000 + Deadline.TotalMilliseconds);
        Assert.Equal(completedBefore + 5, report.Pipeline.DocumentsCompleted);
    }

    [Fact]
    public async Task A_message_that_fails_after_its_retries_counts_as_an_error_and_degrades_health()
    {
        var before = _host.Activity.For("extract")!.Read();
        var completedBefore = _host.Activity.DocumentsCompleted;

        await _host.DropAsync($"{FakeExtractConsumer.PoisonMarker}-retried.txt", TimeSpan.Zero);
        await _host.DropAsync("good-neighbour.txt", TimeSpan.Zero);
        await Wait.UntilAsync(
            () => _host.Activity.For("extract")!.Read() is var now && now.Faulted == before.Faulted + 1 && now.InFlight == 0
                  && _host.Activity.DocumentsCompleted == completedBefore + 1,
            Deadline,
            "the poison message to fail and the good one to finish");
        await _host.SampleAsync();

        var report = _host.State.Current!;
        var extract = Assert.Single(report.Stages, s => s.Stage == "extract");
        Assert.Equal(before.Faulted + 1, extract.Errors);
        // Two immediate retries on the extract endpoint, counted from MassTransit's meter.
        Assert.Equal(before.Retried + 2, extract.Retries);
        Assert.Equal("pipeline-extract_error", extract.ErrorQueue);
        Assert.Equal(PipelineHealth.Degraded, report.Health);
        Assert.Equal(1, report.ExitCode);
        Assert.Contains(report.Alerts, a => a.Code == AlertCodes.ErrorQueue && a.Stage == "extract");
    }

    [Fact]
    public async Task Files_waiting_in_the_inbox_are_counted_without_temporary_ones()
    {
        var batch = Directory.CreateDirectory(Path.Combine(pipeline.IngestFolder.FullName, "inbox", Guid.NewGuid().ToString("n")));
        await _host.SampleAsync();
        var before = _host.State.Current!.Pipeline!.InboxFiles!.Value;

        await File.WriteAllTextAsync(Path.Combine(batch.FullName, "one.txt"), "a");
        Directory.CreateDirectory(Path.Combine(batch.FullName, "sub"));
        await File.WriteAllTextAsync(Path.Combine(batch.FullName, "sub", "two.html"), "b");
        await File.WriteAllTextAsync(Path.Combine(batch.FullName, "three.txt.part"), "c");
        await File.WriteAllTextAsync(Path.Combine(batch.FullName, ".hidden"), "d");
        await File.WriteAllTextAsync(Path.Combine(batch.FullName, "~lock"), "e");
        await _host.SampleAsync();

        Assert.Equal(before + 2, _host.State.Current!.Pipeline!.InboxFiles);
    }

    [Fact]
    public async Task Quarantined_files_are_counted_by_their_reasons()
    {
        var batch = Directory.CreateDirectory(Path.Combine(pipeline.IngestFolder.FullName, "quarantine", Guid.NewGuid().ToString("n")));
        await _host.SampleAsync();
        var before = _host.State.Current!.Pipeline!.Quarantined;

        await File.WriteAllTextAsync(Path.Combine(batch.FullName, "empty.txt"), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(batch.FullName, "empty.txt.reason.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(batch.FullName, "archive.zip"), "PK");
        await File.WriteAllTextAsync(Path.Combine(batch.FullName, "archive.zip.reason.json"), "{}");
        await _host.SampleAsync();

        Assert.Equal(before + 2, _host.State.Current!.Pipeline!.Quarantined);
    }
}
