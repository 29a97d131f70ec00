using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Benchmarking.Ceiling;
using Pipeline.Benchmarking.Generation;
using Pipeline.Benchmarking.Reporting;
using Pipeline.Benchmarking.Running;

namespace Pipeline.Benchmarking;

/// <summary>
/// `pipeline bench`: the same generated articles through each chosen set-up, and the broker's bare relay
/// ceiling for the same number of messages of the same sizes, measured in the same run.
/// </summary>
public sealed class BenchRunner(IOptions<BenchOptions> options, PipelineExecutable executable, TimeProvider clock, ILogger<BenchRunner> logger)
{
    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var setups = settings.EffectiveSetups;
        var generator = new ArticleGenerator(settings.Seed);
        var bench = new SetupBench(settings, executable, generator, clock, logger);

        SetupResult? embedded = null;
        if (setups.Contains(SetupKind.Embedded))
            embedded = await bench.RunAsync(SetupKind.Embedded, null, null, cancellationToken);

        var runsDistributed = setups.Contains(SetupKind.Distributed) || setups.Contains(SetupKind.DistributedSqlite);
        if (!runsDistributed)
            return new BenchReport(embedded, null, null, null);

        await using var servers = await BenchServers.StartAsync(settings, needBroker: true, needPostgres: setups.Contains(SetupKind.Distributed), logger, cancellationToken);
        var broker = servers.Broker!;

        logger.CeilingStarting(settings.ArticleCount);
        var bodies = generator.Text(0, settings.ArticleCount).Select(article => (ReadOnlyMemory<byte>)article.Content).ToList();
        var relay = new RelayCeilingOptions();
        var ceiling = new CeilingResult(Math.Round(await new RelayCeiling(broker.Amqp, relay, logger).MeasureAsync(bodies, cancellationToken), 1), relay.Runs);
        logger.CeilingMeasured(ceiling.MessagesPerSecond);

        DistributedResult? distributed = null;
        if (setups.Contains(SetupKind.Distributed))
        {
            var database = await servers.CreateDatabaseAsync(cancellationToken);
            distributed = (DistributedResult)await bench.RunAsync(SetupKind.Distributed, broker, database, cancellationToken);
        }

        DistributedResult? distributedSqlite = null;
        if (setups.Contains(SetupKind.DistributedSqlite))
            distributedSqlite = (DistributedResult)await bench.RunAsync(SetupKind.DistributedSqlite, broker, null, cancellationToken);

        return new BenchReport(embedded, distributed, distributedSqlite, ceiling);
    }
}
