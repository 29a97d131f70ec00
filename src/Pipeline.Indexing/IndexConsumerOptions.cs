namespace Pipeline.Indexing;

/// <summary>Batching, retries and concurrency of the index consumer, from the <c>IndexConsumer</c> section.</summary>
public sealed class IndexConsumerOptions
{
    public const string SectionName = "IndexConsumer";

    /// <summary>Most documents written in one store batch.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a partial batch waits for more documents; bounds the latency batching adds.</summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Batches written at once.</summary>
    public int ConcurrentBatches { get; set; } = 1;

    public int RetryLimit { get; set; } = 5;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a batch while the store is unreachable; with the interval, how long an outage is ridden out in place (5 min).</summary>
    public int StoreOutageRetryLimit { get; set; } = 60;
    public TimeSpan StoreOutageRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages seen before the kill switch may trip, and the share of them failing with store faults that trips it.</summary>
    public int KillSwitchActivationThreshold { get; set; } = 10;
    public double KillSwitchTripThreshold { get; set; } = 0.15;

    /// <summary>How long a tripped index endpoint stays stopped before it tries the store again.</summary>
    public TimeSpan KillSwitchRestartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
