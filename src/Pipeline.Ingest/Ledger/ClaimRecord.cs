namespace Pipeline.Ingest.Ledger;

/// <summary>Where a claimed file is in its life. Stored and quarantined are the two ends.</summary>
public enum ClaimState
{
    /// <summary>Claimed into the work folder; not yet handed on. The hash is recorded with the publish.</summary>
    Received,

    /// <summary>ArticleReceived was accepted by the bus.</summary>
    Published,

    /// <summary>Indexing stored it (or had stored the same content before); the file is archived or deleted.</summary>
    Stored,

    /// <summary>Refused by ingest or a later stage; the file lies in quarantine beside its reason.</summary>
    Quarantined,
}

/// <summary>One claimed file as the ledger remembers it.</summary>
public sealed record ClaimRecord
{
    public required Guid CorrelationId { get; init; }

    /// <summary>Null when the file was refused before it was read (link, empty, too large, unreadable).</summary>
    public string? Sha256 { get; init; }

    public Guid? DocumentId { get; init; }

    /// <summary>Path below the inbox as dropped, forward slashes.</summary>
    public required string SourcePath { get; init; }

    public string? MediaType { get; init; }
    public long SizeBytes { get; init; }
    public required ClaimState State { get; init; }

    /// <summary>The earlier claim with the same content, when this file is a repeat drop.</summary>
    public Guid? DuplicateOf { get; init; }

    public required DateTimeOffset DroppedAt { get; init; }
    public DateTimeOffset? FileModifiedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The quarantine reason as written beside the file (JSON), when quarantined.</summary>
    public string? Reason { get; init; }
}
