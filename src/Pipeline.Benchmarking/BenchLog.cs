using Microsoft.Extensions.Logging;
using Pipeline.Benchmarking.Running;

namespace Pipeline.Benchmarking;

/// <summary>The bench's progress lines (on stderr, so `--json` output stays one clean object on stdout).</summary>
internal static partial class BenchLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Setup}: starting the pipeline processes")]
    public static partial void Starting(this ILogger logger, SetupKind setup);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Setup}: warmed up with {Count} articles; resident MB: {Resident}")]
    public static partial void WarmedUp(this ILogger logger, SetupKind setup, int count, string resident);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Setup}: {Count} articles at {Rate:F0}/s; CPU ms per article: {Cpu}")]
    public static partial void Throughput(this ILogger logger, SetupKind setup, int count, double rate, string cpu);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Setup}: {Count} articles paced at {Rate:F0}/s: p50 {P50:F0} ms, p99 {P99:F0} ms " +
        "(the slowest 1% dropped {SlowestFrom:F1}-{SlowestTo:F1} s into the phase); resident MB: {Resident}; peak: {Peak}")]
    public static partial void Latency(this ILogger logger, SetupKind setup, int count, double rate, double p50, double p99,
        double slowestFrom, double slowestTo, string resident, string peak);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Setup}: where the time went, median ms of all paced articles/of the slowest 1%: {Segments}")]
    public static partial void LatencyBreakdown(this ILogger logger, SetupKind setup, string segments);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ceiling: relaying {Count} messages through three queues with bare RabbitMQ.Client")]
    public static partial void CeilingStarting(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ceiling: {Rate:F0} messages/s; broker CPU ms per message: {BrokerMs}")]
    public static partial void CeilingMeasured(this ILogger logger, double rate, string brokerMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "MassTransit relay: relaying {Count} messages through three queues with no work in the consumers")]
    public static partial void MassTransitRelayStarting(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "MassTransit relay: {Rate:F0} messages/s, {Share:F3} of the ceiling")]
    public static partial void MassTransitRelayMeasured(this ILogger logger, double rate, double share);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ceiling at the pipeline's pace: {Count} messages fed at {Pace:F0}/s, relayed at {Rate:F0}/s; broker CPU ms per message: {BrokerMs}")]
    public static partial void PacedRelayMeasured(this ILogger logger, int count, double pace, double rate, string brokerMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting a private {Server} (none given)")]
    public static partial void StartingServer(this ILogger logger, string server);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scaling: {Workers} extract worker(s); queue preloaded with {Warmup} warm-up and {Pages} timed HTML pages")]
    public static partial void ScalingLoaded(this ILogger logger, int workers, int warmup, int pages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scaling: {Workers} extract worker(s): {Rate:F1} pages/s; shares {Shares}; pages seen twice {Duplicates}")]
    public static partial void ScalingMeasured(this ILogger logger, int workers, double rate, string shares, int duplicates);
}
