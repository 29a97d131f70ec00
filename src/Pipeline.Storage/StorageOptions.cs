namespace Pipeline.Storage;

/// <summary>Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (embedded default) or <c>postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the SQLite file; created when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    public string SqliteFileName { get; set; } = "pipeline.db";

    /// <summary>Npgsql connection string; required when <see cref="Provider"/> is postgres.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Most documents written in one transaction; larger upserts are split.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Retries of a database call after a transient fault (lock held, connection lost).</summary>
    public int RetryAttempts { get; set; } = 4;

    /// <summary>First retry delay; later ones back off exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long SQLite waits for another writer's lock before reporting busy.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// True (the default) syncs every SQLite commit to disk (synchronous FULL), so nothing acknowledged is
    /// lost even in a power cut; with batched writes that is one sync per batch. False (NORMAL) never
    /// corrupts the file, but a power cut may lose the last commits.
    /// </summary>
    public bool SqliteDurableCommits { get; set; } = true;

    /// <summary>
    /// Page cache per SQLite connection: enough for the upper levels of the full-text index's b-trees, which
    /// batched inserts walk again and again; the rest is the operating system's file cache. 100,000 documents
    /// (`*SearchBenchmarks*`) indexed at 2,359 / 2,311 / 2,317 documents/s with 32 / 16 / 8 MB, and later at
    /// 3,567 / 3,922 with 4 MB against 3,902 / 3,580 with 8 (search p99 7.2 against 6.8-7.2 ms), while every
    /// megabyte is resident in the index worker: the embedded bench peaked 3-4 MB lower with 4 (186-189 against
    /// 191-194 MB, three runs alternated) at the same rate.
    /// </summary>
    public int SqliteCacheSizeMegabytes { get; set; } = 4;

    /// <summary>
    /// New documents after which the PostgreSQL store merges its full-text index's pending list on a connection of
    /// its own (see the README's storage section). A merge rewrites each frequent word's posting list, so it is
    /// cheaper per document in bulk; 500 articles of 5 KB are about what PostgreSQL's default 4 MB list holds.
    /// </summary>
    public int PostgresIndexMergeDocuments { get; set; } = 500;

    /// <summary>Characters of body text shown around the best match.</summary>
    public int SnippetLength { get; set; } = 220;

    /// <summary>Largest page of hits one search returns.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>How many entities the facets list.</summary>
    public int TopEntities { get; set; } = 10;

    /// <summary>How much more a match in the title counts than one in the body.</summary>
    public double TitleWeight { get; set; } = 4.0;

    public string SqlitePath => Path.GetFullPath(Path.Combine(DataDirectory, SqliteFileName));
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
