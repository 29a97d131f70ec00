namespace Pipeline.Host.Hosting;

/// <summary>How the host runs, from the <c>Pipeline</c> section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>"inmemory" (one process, no broker) or "rabbitmq".</summary>
    public string Transport { get; set; } = Transports.InMemory;

    /// <summary>Root of everything the pipeline keeps on disk: inbox, archive, quarantine, store.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Where the HTTP endpoint listens; localhost only unless configured otherwise.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>"text" for people, "json" for compact JSON log lines.</summary>
    public string LogFormat { get; set; } = "text";

    /// <summary>How long a worker may take to finish what it holds after SIGTERM.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// MassTransit 8.4 and later report anonymous bus statistics to usage-tracking.masstransit.io unless told not
    /// to. Off here: a pipeline reading confidential news should not call out on its own, and a worker behind a
    /// firewall logged a warning for every failed report.
    /// </summary>
    public bool MassTransitUsageTelemetry { get; set; }

    /// <summary>Most glibc malloc arenas the process keeps (see <see cref="NativeHeap.LimitArenas"/>); 0 leaves glibc's default.</summary>
    public int MallocArenaLimit { get; set; } = 2;

    /// <summary>
    /// How often free native memory is handed back to the kernel (see <see cref="NativeHeap.TryTrim"/>); zero never.
    /// Embedded bench, 20,000 articles, peak resident 205-208 MB untrimmed, 193-203 MB every 5 s, 192-197 MB every
    /// second; one trim under load took 0.3 ms (median; 1.7 ms at most), holding malloc's locks that long.
    /// </summary>
    public TimeSpan NativeHeapTrimInterval { get; set; } = TimeSpan.FromSeconds(1);
}

public static class Transports
{
    public const string InMemory = "inmemory";
    public const string RabbitMq = "rabbitmq";
}
