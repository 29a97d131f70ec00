using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Benchmarking.Measuring;
using Polly;
using RabbitMQ.Client;

namespace Pipeline.Benchmarking.Ceiling;

/// <summary>
/// The bare relay's three hops in MassTransit, with consumers that do nothing but hand the message on: each body is
/// published, consumed and published again twice, and consumed at the third queue, as an article goes ingest, extract,
/// index. It runs on the same broker with the bare relay's prefetch and concurrency, publisher confirms and quorum
/// queues, so the rate it falls short of <see cref="RelayCeiling"/> is the framework's own cost per hop, and what the
/// pipeline falls short of it is the stages' work.
/// Every queue and exchange it declares is named for the run and deleted afterwards. A relay the broker breaks off
/// (MassTransit would reconnect and carry on, counting the outage and the redelivered messages) is run again on a new bus.
/// </summary>
public sealed partial class MassTransitRelay(Uri brokerUri, RelayCeilingOptions options, ILogger logger)
{
    /// <summary>The name the relay's connection carries in the broker's management UI.</summary>
    public const string ConnectionName = RelayCeiling.ConnectionName + " (MassTransit)";

    private const string NamePrefix = "bench-mt-relay-";
    private const int Hops = 3;
    private static readonly TimeSpan StallCheckInterval = TimeSpan.FromMilliseconds(250);

    private readonly ResiliencePipeline _brokenRelayRetry = BrokenRelayRetry.Build(
        options,
        new PredicateBuilder().Handle<RelayBrokenException>(),
        (error, attempt, delay) => LogRelayRetry(logger, error, attempt, delay));

    /// <summary>Relays every body <see cref="RelayCeilingOptions.Runs"/> times, each on a new bus and new queues; returns the median rate in messages per second.</summary>
    public async Task<double> MeasureAsync(IReadOnlyList<ReadOnlyMemory<byte>> bodies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Runs, 1);
        // The bench's bodies are UTF-8 text; as strings they serialise to about their own size (as bytes, to a third more).
        var texts = bodies.Select(body => Encoding.UTF8.GetString(body.Span)).ToList();
        var rates = new List<double>(options.Runs);
        for (var run = 0; run < options.Runs; run++)
            rates.Add(await _brokenRelayRetry.ExecuteAsync(ct => new ValueTask<double>(MeasureOnceAsync(texts, ct)), cancellationToken));
        rates.Sort();
        return Percentiles.Of(rates, 50);
    }

    private async Task<double> MeasureOnceAsync(List<string> texts, CancellationToken cancellationToken)
    {
        var topology = RelayTopology.ForNewRun();
        var arrivals = new RelayArrivals(texts.Count);
        await using var services = BuildBus(topology, arrivals);
        var bus = services.GetRequiredService<IBusControl>();
        var breaks = new RelayBreakObserver(arrivals);
        using var endpointBreaks = bus.ConnectReceiveEndpointObserver(breaks);
        using var consumerBreaks = bus.ConnectConsumeObserver(breaks);
        try
        {
            await bus.StartAsync(cancellationToken);
            var clock = Stopwatch.StartNew();
            // Not awaited: a publish can wait for ever on a connection the broker closed; a failed one breaks the run off.
            _ = PublishAllAsync(bus, texts, arrivals, cancellationToken);
            await WaitForAllAsync(arrivals, clock, cancellationToken);
            return texts.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await StopAsync(bus);
            await TryDeleteAsync(topology);
        }
    }

    /// <summary>
    /// Stops the bus, waiting no longer than <see cref="RelayCeilingOptions.OperationTimeout"/> for its consumers: after
    /// a break, one may be waiting for a publish on the closed connection, and a plain stop then took minutes.
    /// </summary>
    private async Task StopAsync(IBusControl bus)
    {
        using var patience = new CancellationTokenSource(options.OperationTimeout);
        try
        {
            await bus.StopAsync(patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            LogStopAbandoned(logger, options.OperationTimeout);
        }
    }

    /// <summary>Publishes with the bare relay's window of unconfirmed messages; a publish the broker fails breaks the run off.</summary>
    private async Task PublishAllAsync(IBus bus, List<string> texts, RelayArrivals arrivals, CancellationToken cancellationToken)
    {
        var window = new ConfirmWindow(options.PublishWindow);
        try
        {
            for (var i = 0; i < texts.Count; i++)
                await window.AddAsync(bus.Publish(new RelayBodyPublished(i, texts[i]), cancellationToken));
            await window.FlushAsync();
        }
        catch (Exception publishError) when (!cancellationToken.IsCancellationRequested)
        {
            arrivals.Break($"a publish into the relay failed: {publishError.Message}");
        }
    }

    /// <summary>
    /// Waits until every body has arrived. MassTransit does not always tell of a connection the broker closed: a
    /// message in flight can be lost without a fault or a redelivery. So a relay where nothing arrives for
    /// <see cref="RelayCeilingOptions.StallTimeout"/> is broken off as well.
    /// </summary>
    private async Task WaitForAllAsync(RelayArrivals arrivals, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (!arrivals.All.IsCompleted)
        {
            await Task.WhenAny(arrivals.All, Task.Delay(StallCheckInterval, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            if (arrivals.SinceLastArrival > options.StallTimeout)
                arrivals.Break($"no message reached the last queue for {options.StallTimeout.TotalSeconds:F0} s");
            if (clock.Elapsed > options.Timeout)
                throw new TimeoutException($"The MassTransit relay did not finish within {options.Timeout}.");
        }

        await arrivals.All;
    }

    private ServiceProvider BuildBus(RelayTopology topology, RelayArrivals arrivals)
    {
        var services = new ServiceCollection();
        services.AddSingleton(arrivals);
        services.AddMassTransit(x =>
        {
            x.AddConsumer<FirstHopConsumer>();
            x.AddConsumer<SecondHopConsumer>();
            x.AddConsumer<LastHopConsumer>();
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(brokerUri, h =>
                {
                    h.PublisherConfirmation = true;
                    h.ConnectionName(ConnectionName);
                });
                cfg.Message<RelayBodyPublished>(m => m.SetEntityName(topology.MessageExchanges[0]));
                cfg.Message<RelayBodyForwarded>(m => m.SetEntityName(topology.MessageExchanges[1]));
                cfg.Message<RelayBodyForwardedAgain>(m => m.SetEntityName(topology.MessageExchanges[2]));
                Endpoint<FirstHopConsumer>(context, cfg, topology.Queues[0]);
                Endpoint<SecondHopConsumer>(context, cfg, topology.Queues[1]);
                Endpoint<LastHopConsumer>(context, cfg, topology.Queues[2]);
            });
        });
        return services.BuildServiceProvider();
    }

    private void Endpoint<TConsumer>(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator cfg, string queue)
        where TConsumer : class, IConsumer =>
        cfg.ReceiveEndpoint(queue, e =>
        {
            e.SetQuorumQueue();
            // Should the clean-up fail, the broker drops the queue itself once it stands unused.
            e.SetQueueArgument("x-expires", (int)options.LeftoverQueueExpiry.TotalMilliseconds);
            e.PrefetchCount = options.PrefetchCount;
            e.ConcurrentMessageLimit = options.ConsumerConcurrency;
            // A failed message breaks the run off (RelayBreakObserver); it must not leave an error queue behind.
            e.DiscardFaultedMessages();
            e.ConfigureConsumer<TConsumer>(context);
        });

    /// <summary>Deletes the run's queues and exchanges on a connection of its own; if the broker refuses, says so and leaves the queues to their expiry.</summary>
    private async Task TryDeleteAsync(RelayTopology topology)
    {
        try
        {
            await using var connection = await RelayCeiling.ConnectAsync(brokerUri, options, CancellationToken.None);
            await using var channel = await connection.CreateChannelAsync();
            foreach (var queue in topology.Queues)
                await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
            // MassTransit gives each receive endpoint an exchange of the queue's name, bound to a message type's exchange.
            foreach (var exchange in topology.Queues.Concat(topology.MessageExchanges))
                await channel.ExchangeDeleteAsync(exchange, ifUnused: false);
        }
        catch (Exception cleanupError) when (RelayCeiling.IsFailedCleanup(cleanupError))
        {
            LogCleanupFailed(logger, cleanupError, string.Join(", ", topology.Queues), options.LeftoverQueueExpiry);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MassTransit relay: the broker broke off the relay; running it again on a new bus and fresh queues (retry {RetryAttempt} in {RetryDelay})")]
    private static partial void LogRelayRetry(ILogger logger, Exception? exception, int retryAttempt, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MassTransit relay: the bus did not stop within {Timeout}; its consumers are left to end with the process")]
    private static partial void LogStopAbandoned(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MassTransit relay: could not delete the relay's queues {Queues} and their exchanges; the broker drops the queues after {Expiry} unused")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, string queues, TimeSpan expiry);

    /// <summary>The names one run declares: its three queues and the three message types' exchanges.</summary>
    private sealed record RelayTopology(string[] Queues, string[] MessageExchanges)
    {
        public static RelayTopology ForNewRun()
        {
            var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            string Name(string kind, int hop) => string.Create(CultureInfo.InvariantCulture, $"{NamePrefix}{run}-{kind}{hop}");
            return new RelayTopology(
                [.. Enumerable.Range(1, Hops).Select(hop => Name("queue", hop))],
                [.. Enumerable.Range(1, Hops).Select(hop => Name("message", hop))]);
        }
    }
}
