using Pipeline.Contracts;

namespace Pipeline.Storage;

/// <summary>
/// Where enriched articles land and are searched. SQLite and PostgreSQL implement it with the same
/// behaviour; one contract test suite runs against both.
/// </summary>
public interface IArticleStore
{
    /// <summary>Creates or upgrades the schema. Safe when several workers start at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the documents in one batch. Idempotent: a document whose id is already stored is left
    /// as it is and reported as not created.
    /// </summary>
    Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken);

    Task<StoredDocument?> GetAsync(Guid documentId, CancellationToken cancellationToken);

    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be reached; used by readiness checks.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}

/// <summary>The whole enriched article plus what the pipeline knows of its way.</summary>
public sealed record StoredDocument
{
    public required Guid DocumentId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required Article Article { get; init; }
    public required DateTimeOffset DroppedAt { get; init; }
    public required IReadOnlyList<StageVisit> Stages { get; init; }
    public DateTimeOffset? StoredAt { get; init; }
}

public sealed record UpsertOutcome(Guid DocumentId, bool Created);

/// <summary>A search as a person types it, with optional filters. Raw input is always safe.</summary>
public sealed record SearchRequest(string Query)
{
    public int Limit { get; init; } = 20;
    public int Offset { get; init; }
    public string? Language { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Entity { get; init; }
    public string? Source { get; init; }
    public string? Site { get; init; }
}

public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits);

public sealed record SearchHit(
    Guid Id,
    string Title,
    string? PublishedAt,
    string? Language,
    double Score,
    string Snippet,
    string SourcePath);
