using System.Text.Json;
using Pipeline.Benchmarking.Reporting;

namespace Pipeline.Benchmarking.Tests;

public sealed class BenchJsonTests
{
    private static readonly string[] SetupFields = ["articlesPerSecond", "p50Ms", "p95Ms", "p99Ms", "peakRssMb"];

    [Fact]
    public void Json_has_exactly_the_shape_the_issue_asks_for()
    {
        var report = new BenchReport(
            new SetupResult(1200, 80, 150, 210, 150),
            new DistributedResult(600, 90, 160, 240, 180, new StageCpu(0.3, 0.5, 0.9)),
            new DistributedResult(700, 85, 150, 220, 170, new StageCpu(0.3, 0.5, 0.6)),
            new CeilingResult(1500));

        using var json = JsonDocument.Parse(BenchJson.Serialize(report));
        var root = json.RootElement;
        Assert.Equal(["embedded", "distributed", "distributedSqlite", "ceiling", "ratio"], Names(root));
        Assert.Equal(SetupFields, Names(root.GetProperty("embedded")));
        foreach (var distributed in new[] { root.GetProperty("distributed"), root.GetProperty("distributedSqlite") })
        {
            Assert.Equal([.. SetupFields, "cpuMsPerArticle"], Names(distributed));
            Assert.Equal(["ingest", "extract", "index"], Names(distributed.GetProperty("cpuMsPerArticle")));
        }

        Assert.Equal(["messagesPerSecond"], Names(root.GetProperty("ceiling")));
        Assert.Equal(600.0 / 1500, root.GetProperty("ratio").GetDouble(), 3);
        Assert.Equal(0.9, root.GetProperty("distributed").GetProperty("cpuMsPerArticle").GetProperty("index").GetDouble());
    }

    [Fact]
    public void Set_ups_that_did_not_run_are_null_and_so_is_the_ratio()
    {
        var report = new BenchReport(new SetupResult(1200, 80, 150, 210, 150), null, null, null);

        using var json = JsonDocument.Parse(BenchJson.Serialize(report));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("distributed").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("ratio").ValueKind);
    }

    [Fact]
    public void Table_names_every_set_up_that_ran_and_the_ceiling()
    {
        var report = new BenchReport(
            new SetupResult(1234, 80, 150, 210, 150),
            new DistributedResult(617, 90, 160, 240, 180, new StageCpu(0.3, 0.5, 0.9)),
            null,
            new CeilingResult(1500, Relays: 5));

        var table = BenchTable.Format(report, 100);
        Assert.Contains("embedded", table, StringComparison.Ordinal);
        Assert.Contains("1234", table, StringComparison.Ordinal);
        Assert.Contains("0.30 / 0.50 / 0.90", table, StringComparison.Ordinal);
        Assert.Contains("median of 5 relays): 1500 messages/s", table, StringComparison.Ordinal);
        Assert.DoesNotContain("sqlite", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_sets_the_pipelines_broker_cost_beside_the_bare_relays_when_the_broker_was_measured()
    {
        var pg = new DistributedResult(279, 90, 160, 240, 180, new StageCpu(0.3, 0.5, 0.9), BrokerCpuMsPerArticle: 0.73);
        var measured = new BenchReport(null, pg, null, new CeilingResult(4822), new BrokerCost(0.34, 279, 278.6, 1.13));
        var unmeasured = measured with { Distributed = pg with { BrokerCpuMsPerArticle = null }, Broker = new BrokerCost(null, 279, 278.6, null) };

        Assert.Contains(
            "Broker CPU per article over three hops: 0.73 ms in distributed (pg) at 279/s; bare relay 1.13 ms fed at 279/s, 0.34 ms at full speed",
            BenchTable.Format(measured, 100), StringComparison.Ordinal);
        Assert.DoesNotContain("Broker CPU", BenchTable.Format(unmeasured, 100), StringComparison.Ordinal);
        // Not part of the issue's JSON shape.
        Assert.DoesNotContain("broker", BenchJson.Serialize(measured), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Table_sets_the_MassTransit_relay_between_the_ceiling_and_the_pipeline()
    {
        var pg = new DistributedResult(500, 90, 160, 240, 180, new StageCpu(0.3, 0.5, 0.9));
        var sqlite = pg with { ArticlesPerSecond = 625 };
        var report = new BenchReport(null, pg, sqlite, new CeilingResult(5000), MassTransitRelay: new CeilingResult(2500, Relays: 3));

        Assert.Contains(
            "MassTransit relay, no work in the consumers (median of 3 relays): 2500 messages/s, 0.500 of the ceiling; distributed (pg) 0.200, distributed (sqlite) 0.250 of it",
            BenchTable.Format(report, 100), StringComparison.Ordinal);
        Assert.DoesNotContain("MassTransit", BenchTable.Format(report with { MassTransitRelay = null }, 100), StringComparison.Ordinal);
        Assert.DoesNotContain("massTransit", BenchJson.Serialize(report), StringComparison.OrdinalIgnoreCase);
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
