namespace Pipeline.Benchmarking.Ceiling;

/// <summary>How hard the relay drives the broker; defaults chosen so the client is never the limit on two cores.</summary>
public sealed class RelayCeilingOptions
{
    public ushort PrefetchCount { get; set; } = 64;

    public ushort ConsumerConcurrency { get; set; } = 16;

    public int PublishWindow { get; set; } = 128;

    /// <summary>Relays measured; the median is the ceiling.</summary>
    public int Runs { get; set; } = 3;

    /// <summary>Times a relay the broker broke off is run again before the bench gives up.</summary>
    public int RetryAttempts { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one protocol operation (declare, consume, close) may wait for the broker's answer.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the broker keeps a relay queue nobody uses; only matters when clean-up failed.</summary>
    public TimeSpan LeftoverQueueExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the MassTransit relay may go without a message reaching its last queue before it counts as broken.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one relay may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);
}
