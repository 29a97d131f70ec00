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
}
