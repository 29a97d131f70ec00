namespace Pipeline.Benchmarking.Running;

/// <summary>The three ways the bench runs the pipeline.</summary>
public enum SetupKind
{
    /// <summary>One `pipeline run` process: in-memory transport, SQLite.</summary>
    Embedded,

    /// <summary>`pipeline worker ingest|extract|index`, one process each, over RabbitMQ, PostgreSQL as the store.</summary>
    Distributed,

    /// <summary>The same with SQLite as the store.</summary>
    DistributedSqlite,
}
