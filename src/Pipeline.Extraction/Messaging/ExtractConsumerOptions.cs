namespace Pipeline.Extraction.Messaging;

/// <summary>Retry and concurrency of the extract consumer, from the <c>ExtractConsumer</c> section.</summary>
public sealed class ExtractConsumerOptions
{
    public const string SectionName = "ExtractConsumer";

    /// <summary>Messages handled at once; defaults to twice the number of cores.</summary>
    public int? Concurrency { get; set; }

    public int RetryLimit { get; set; } = 3;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);
}
