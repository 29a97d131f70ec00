using Pipeline.Benchmarking.Running;

namespace Pipeline.Benchmarking;

/// <summary>What `pipeline bench` runs, bound from the <c>Bench</c> configuration section (the command line wins).</summary>
public sealed class BenchOptions
{
    public const string SectionName = "Bench";

    /// <summary>
    /// Articles driven through each set-up in the throughput phase (and relayed by the ceiling); when not set,
    /// <see cref="FullCount"/>, or <see cref="QuickCount"/> with <see cref="Quick"/>.
    /// </summary>
    public int? Count { get; set; }

    public int FullCount { get; set; } = 20_000;

    /// <summary>Smaller phases and shorter waits, so the whole bench finishes in under a minute (for CI).</summary>
    public bool Quick { get; set; }

    /// <summary>The article count when <see cref="Quick"/> is set and no count is given.</summary>
    public int QuickCount { get; set; } = 300;

    /// <summary>Seed of the article generator: the same seed drives the same articles through every run.</summary>
    public int Seed { get; set; } = 20_251_125;

    /// <summary>
    /// Articles stored before measuring, so start-up work (JIT, connections, schema) is not counted. With 100, the
    /// index worker still spent about a second recompiling its batch path at the start of the throughput phase
    /// (tiered JIT promotes a method after 30 calls, and a batch of up to 100 articles is one call).
    /// </summary>
    public int WarmupCount { get; set; } = 1_000;

    /// <summary>
    /// Length of the latency phase, in which articles are dropped at half the rate the throughput phase reached
    /// (latency is a promise at a sustainable load, not at saturation).
    /// </summary>
    public TimeSpan LatencyPhase { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The set-ups to run; all three when not set. The ceiling is measured whenever a distributed one runs.</summary>
    public List<SetupKind>? Setups { get; set; }

    /// <summary>AMQP URI of a broker to use as it is; a private node is started when empty.</summary>
    public Uri? RabbitMqUri { get; set; }

    /// <summary>
    /// Connection string of a PostgreSQL server to use (its role must be allowed to create databases: each run
    /// gets a fresh one, dropped afterwards); a private server is started when empty.
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>How long a pipeline process may take to say it is running.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The slowest rate, in articles per second, at which a phase may still finish before it is called stuck.</summary>
    public double SlowestRate { get; set; } = 20;

    internal IReadOnlyList<SetupKind> EffectiveSetups => Setups is { Count: > 0 } chosen
        ? chosen
        : [SetupKind.Embedded, SetupKind.Distributed, SetupKind.DistributedSqlite];

    /// <summary>How many articles each set-up gets in this run.</summary>
    public int ArticleCount => Count ?? (Quick ? QuickCount : FullCount);

    internal int EffectiveWarmupCount => Quick ? Math.Min(WarmupCount, 20) : WarmupCount;

    internal TimeSpan EffectiveLatencyPhase => Quick ? TimeSpan.FromSeconds(Math.Min(LatencyPhase.TotalSeconds, 2)) : LatencyPhase;
}
