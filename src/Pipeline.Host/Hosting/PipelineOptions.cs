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
}

public static class Transports
{
    public const string InMemory = "inmemory";
    public const string RabbitMq = "rabbitmq";
}
