using System.Net;
using Pipeline.Monitoring.Health;
using Pipeline.Monitoring.Status;
using Pipeline.Monitoring.Tests.Embedded;

namespace Pipeline.Monitoring.Tests.Status;

/// <summary>The HTTP side over a real socket: what <c>pipeline status</c>, Prometheus and the browser read.</summary>
[Collection(EmbeddedPipelineFixture.CollectionName)]
public sealed class MonitoringEndpointsTests(EmbeddedPipelineFixture pipeline)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly MonitoredPipelineHost _host = pipeline.Host;

    [Fact]
    public async Task Status_client_reads_the_hosts_report()
    {
        var faultedBefore = _host.Activity.For("extract")!.Read().Faulted;
        await _host.DropAsync($"{FakeExtractConsumer.PoisonMarker}-status.txt", TimeSpan.Zero);
        await Wait.UntilAsync(() => _host.Activity.For("extract")!.Read().Faulted == faultedBefore + 1, Deadline, "the poison message to fail");
        await _host.SampleAsync();
        using var http = new HttpClient();

        var report = await new StatusClient(TimeSpan.FromSeconds(2)).FromHostAsync(http, _host.BaseAddress, CancellationToken.None);

        Assert.Equal(PipelineHealth.Degraded, report.Health);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(faultedBefore + 1, Assert.Single(report.Stages, s => s.Stage == "extract").Errors);
        Assert.Equal("process", report.Source);
    }

    [Fact]
    public async Task Status_client_reports_an_unreachable_host_as_unhealthy()
    {
        // A port that was free a moment ago: nothing listens there.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();

        var report = await new StatusClient(TimeSpan.FromSeconds(1)).FromHostAsync(http, new Uri($"http://127.0.0.1:{port}/"), CancellationToken.None);

        Assert.Equal(PipelineHealth.Unhealthy, report.Health);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(AlertCodes.SourceUnreachable, Assert.Single(report.Alerts).Code);
    }

    [Fact]
    public async Task Metrics_endpoint_serves_pipeline_and_masstransit_figures_in_prometheus_format()
    {
        var completedBefore = _host.Activity.DocumentsCompleted;
        await _host.DropAsync("metrics.txt", TimeSpan.FromSeconds(1));
        await Wait.UntilAsync(() => _host.Activity.DocumentsCompleted == completedBefore + 1, Deadline, "one document through");
        await _host.SampleAsync();
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };

        // The exporter may answer from its cache of the last scrape (up to 300 ms old), which can predate this document:
        // poll until the document's counter shows, as a Prometheus server would see on its next scrape.
        var metrics = await Wait.ForAsync(() => http.GetStringAsync(new Uri("metrics", UriKind.Relative)),
            m => m.Contains("pipeline_documents_total{", StringComparison.Ordinal), Deadline, "the document's counter in a scrape");

        Assert.Contains("pipeline_documents_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("pipeline_stage_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("pipeline_end_to_end_latency_seconds_count", metrics, StringComparison.Ordinal);
        Assert.Contains("pipeline_queue_messages{", metrics, StringComparison.Ordinal);
        Assert.Contains("messaging_masstransit_consume", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_is_served_with_a_policy_that_allows_only_its_own_script()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };

        using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        using var script = await http.GetAsync(new Uri("/monitoring/dashboard.js", UriKind.Relative));
        using var missing = await http.GetAsync(new Uri("/monitoring/nothing.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<table id=\"stages\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
