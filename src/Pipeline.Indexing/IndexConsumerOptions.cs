namespace Pipeline.Indexing;

/// <summary>Batching, concurrency and retries of the index consumer, from the <c>IndexConsumer</c> section.</summary>
public sealed class IndexConsumerOptions
{
    public const string SectionName = "IndexConsumer";

    /// <summary>Most documents written in one store batch.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Articles a worker holds at once: the batch being written and those gathering for the next. A batch rarely
    /// fills: at 600 articles/s and 20 ms a write, about a dozen arrive during one. Each article held is its whole
    /// extracted document, so holding 200 rather than 100 cost the embedded pipeline about 5 MB of its peak resident
    /// memory (bench: 195-203 MB in three runs, 190-197 MB in six, three of them alternated with those) at the same
    /// throughput. PostgreSQL, two runs alternated: 533-618 against 589-635 articles/s, p99 314-320 against 338-383 ms.
    /// </summary>
    public int Concurrency { get; set; } = 100;

    public int RetryLimit { get; set; } = 5;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of an article while the store is unreachable; with the interval, how long an outage is ridden out in place (5 min).</summary>
    public int StoreOutageRetryLimit { get; set; } = 60;
    public TimeSpan StoreOutageRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages seen before the kill switch may trip, and the share of them failing with store faults that trips it.</summary>
    public int KillSwitchActivationThreshold { get; set; } = 10;
    public double KillSwitchTripThreshold { get; set; } = 0.15;

    /// <summary>How long a tripped index endpoint stays stopped before it tries the store again.</summary>
    public TimeSpan KillSwitchRestartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
