using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Benchmarking.Ceiling;
using Pipeline.Benchmarking.Generation;
using Pipeline.Benchmarking.Reporting;
using Pipeline.Benchmarking.Running;

namespace Pipeline.Benchmarking;

/// <summary>
/// `pipeline bench`: the same generated articles through each chosen set-up, and the broker's bare relay
/// ceiling for the same number of messages of the same sizes, measured in the same run, with the same relay in
/// MassTransit beside it (what the framework alone leaves of the ceiling).
/// </summary>
public sealed class BenchRunner(IOptions<BenchOptions> options, PipelineExecutable executable, TimeProvider clock, ILogger<BenchRunner> logger)
{
    private static readonly TimeSpan PacedRelayDuration = TimeSpan.FromSeconds(15);

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var setups = settings.EffectiveSetups;
        var generator = new ArticleGenerator(settings.Seed);
        var bench = new SetupBench(settings, executable, generator, clock, logger);
        var runsDistributed = setups.Contains(SetupKind.Distributed) || setups.Contains(SetupKind.DistributedSqlite);
        if (runsDistributed)
            await GivenBroker.EnsureNoPipelineUsesAsync(settings.RabbitMqUri, cancellationToken);

        SetupResult? embedded = null;
        if (setups.Contains(SetupKind.Embedded))
            embedded = await bench.RunAsync(SetupKind.Embedded, null, null, cancellationToken);

        if (!runsDistributed)
            return new BenchReport(embedded, null, null, null);

        await using var servers = await BenchServers.StartAsync(settings, needBroker: true, needPostgres: setups.Contains(SetupKind.Distributed), logger, cancellationToken);
        var broker = servers.Broker!;

        logger.CeilingStarting(settings.ArticleCount);
        var bodies = generator.Text(0, settings.ArticleCount).Select(article => (ReadOnlyMemory<byte>)article.Content).ToList();
        var relay = new RelayCeilingOptions();
        var relayCeiling = new RelayCeiling(broker.Amqp, relay, logger);
        // A relay the broker broke off and that ran again is counted in the broker's CPU too: rare, and it shows.
        var brokerBefore = broker.CpuTime();
        var ceiling = new CeilingResult(Math.Round(await relayCeiling.MeasureAsync(bodies, cancellationToken), 1), relay.Runs);
        var fullSpeedBrokerMs = BenchBroker.MillisecondsPer(brokerBefore, broker.CpuTime(), relay.Runs * bodies.Count);
        if (logger.IsEnabled(LogLevel.Information))
            logger.CeilingMeasured(ceiling.MessagesPerSecond, Describe(fullSpeedBrokerMs));

        logger.MassTransitRelayStarting(settings.ArticleCount);
        var framework = new CeilingResult(Math.Round(await new MassTransitRelay(broker.Amqp, relay, logger).MeasureAsync(bodies, cancellationToken), 1), relay.Runs);
        if (logger.IsEnabled(LogLevel.Information))
            logger.MassTransitRelayMeasured(framework.MessagesPerSecond, framework.MessagesPerSecond / ceiling.MessagesPerSecond);

        DistributedResult? distributed = null;
        if (setups.Contains(SetupKind.Distributed))
        {
            var database = await servers.CreateDatabaseAsync(cancellationToken);
            distributed = (DistributedResult)await bench.RunAsync(SetupKind.Distributed, broker, database, cancellationToken);
        }

        DistributedResult? distributedSqlite = null;
        if (setups.Contains(SetupKind.DistributedSqlite))
            distributedSqlite = (DistributedResult)await bench.RunAsync(SetupKind.DistributedSqlite, broker, null, cancellationToken);

        // The paced relay is there to measure the broker's CPU, which only a broker on this machine gives.
        var brokerCost = broker.ProcessId is null ? null : await MeasurePacedRelayAsync(
            relayCeiling, broker, bodies, (distributed ?? distributedSqlite)!.ArticlesPerSecond, fullSpeedBrokerMs, cancellationToken);
        return new BenchReport(embedded, distributed, distributedSqlite, ceiling, brokerCost, framework);
    }

    /// <summary>The bare relay fed at the pipeline's own rate, for up to <see cref="PacedRelayDuration"/>.</summary>
    private async Task<BrokerCost> MeasurePacedRelayAsync(
        RelayCeiling relay, BenchBroker broker, List<ReadOnlyMemory<byte>> bodies, double pipelineRate, double? fullSpeedBrokerMs, CancellationToken cancellationToken)
    {
        var count = (int)Math.Clamp(pipelineRate * PacedRelayDuration.TotalSeconds, 1, bodies.Count);
        var paced = bodies.GetRange(0, count);
        var before = broker.CpuTime();
        var rate = Math.Round(await relay.MeasurePacedAsync(paced, pipelineRate, cancellationToken), 1);
        var pacedBrokerMs = BenchBroker.MillisecondsPer(before, broker.CpuTime(), count);
        if (logger.IsEnabled(LogLevel.Information))
            logger.PacedRelayMeasured(count, pipelineRate, rate, Describe(pacedBrokerMs));
        return new BrokerCost(fullSpeedBrokerMs, pipelineRate, rate, pacedBrokerMs);
    }

    private static string Describe(double? brokerMs) =>
        brokerMs is { } ms ? ms.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "not measured (the broker does not run here)";
}
