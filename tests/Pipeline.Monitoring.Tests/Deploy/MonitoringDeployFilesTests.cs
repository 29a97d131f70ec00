using Pipeline.Testing;
using System.Text.Json;
using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Monitoring.Tests.Command;
using Pipeline.Monitoring.Tests.Embedded;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Monitoring.Tests.Deploy;

/// <summary>
/// The Prometheus rules and the Grafana dashboard in deploy/monitoring only name metrics that a running host
/// really serves at /metrics: a renamed instrument breaks this test, not an operator's alerting.
/// </summary>
[Collection(EmbeddedPipelineFixture.CollectionName)]
public sealed partial class MonitoringDeployFilesTests(EmbeddedPipelineFixture pipeline)
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "deploy", "monitoring");
    private static readonly string[] Severities = ["warning", "critical"];

    [Fact]
    public void Every_alert_rule_says_how_severe_it_is_what_is_wrong_and_what_to_do()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(Folder, "prometheus-alerts.yml"))) yaml.Load(reader);

        var groups = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["groups"];
        var rules = groups.Cast<YamlMappingNode>().SelectMany(g => ((YamlSequenceNode)g["rules"]).Cast<YamlMappingNode>()).ToList();
        Assert.True(rules.Count >= 5);
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule["alert"].ToString()));
            Assert.False(string.IsNullOrWhiteSpace(rule["expr"].ToString()));
            Assert.Contains(((YamlMappingNode)rule["labels"])["severity"].ToString(), Severities);
            var annotations = (YamlMappingNode)rule["annotations"];
            Assert.False(string.IsNullOrWhiteSpace(annotations["summary"].ToString()));
            Assert.False(string.IsNullOrWhiteSpace(annotations["action"].ToString()));
        });
    }

    [Fact]
    public async Task Rules_and_dashboard_name_only_metrics_the_host_serves()
    {
        var host = pipeline.Host;
        var bus = host.Services.GetRequiredService<IBus>();
        // Make every instrument report at least once: a document through, a poison message (retries, error), a rejection.
        var completed = host.Activity.DocumentsCompleted;
        var faulted = host.Activity.For("extract")!.Read().Faulted;
        var quarantined = host.Activity.Quarantined;
        await host.DropAsync("deploy-files.txt", TimeSpan.Zero);
        await host.DropAsync($"{FakeExtractConsumer.PoisonMarker}-deploy-files.txt", TimeSpan.Zero);
        await bus.Publish(new ArticleRejected
        {
            DocumentId = Guid.NewGuid(),
            CorrelationId = Guid.NewGuid(),
            Source = new SourceFile("empty.txt", new string('0', 64), MediaTypes.PlainText, 0),
            Stage = Stages.Ingest,
            Reason = "The file is empty.",
            RejectedAt = DateTimeOffset.UtcNow,
        });
        await Wait.UntilAsync(
            () => host.Activity.DocumentsCompleted > completed && host.Activity.For("extract")!.Read().Faulted > faulted && host.Activity.Quarantined > quarantined,
            TimeSpan.FromSeconds(20), "a document, a failure and a rejection");
        await host.SampleAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var exposition = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
        var served = MetricLine().Matches(exposition).Select(m => m.Groups[1].Value).ToHashSet();
        var labels = LabelName().Matches(exposition).Select(m => m.Groups[1].Value).ToHashSet();

        var rules = await File.ReadAllTextAsync(Path.Combine(Folder, "prometheus-alerts.yml"));
        var dashboard = await File.ReadAllTextAsync(Path.Combine(Folder, "grafana-dashboard.json"));
        using (JsonDocument.Parse(dashboard)) { }
        var named = MetricName().Matches(rules + dashboard).Select(m => m.Value).ToHashSet();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.True(
            served.Contains(name) || labels.Contains(name),
            $"{name} is used in deploy/monitoring but is no metric or label served at /metrics"));
    }

    [GeneratedRegex(@"^([a-z_]+)[{ ]", RegexOptions.Multiline)]
    private static partial Regex MetricLine();

    [GeneratedRegex(@"[{,]([a-z_]+)=""")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"\b(?:pipeline|messaging_masstransit)_[a-z_]+(?:_total|_bucket|_ea_total|_count|_sum)?\b")]
    private static partial Regex MetricName();
}
