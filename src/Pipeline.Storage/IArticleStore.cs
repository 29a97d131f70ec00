using Pipeline.Contracts;

namespace Pipeline.Storage;

/// <summary>
/// Where enriched articles land and are searched. SQLite and PostgreSQL implement it with the same
/// behaviour; one contract test suite runs against both.
/// </summary>
/// <remarks>
/// Versions: a document's identity is its content (the id comes from the SHA-256), so storing the same
/// content again never makes a second record, whatever path it arrives under (the first path is kept).
/// A changed file under the same source path is a new document and a new version of that path. Every
/// version stays stored and readable by id; search and facets see only the current version of each path,
/// which is the one dropped last (<see cref="StoredDocument.DroppedAt"/>), whatever order the versions
/// were indexed in. <see cref="StoredDocument.Version"/> counts 1, 2, 3... in drop order.
/// </remarks>
public interface IArticleStore
{
    /// <summary>Creates or upgrades the schema. Safe when several workers start at once.</summary>
    /// <remarks>Every other member also makes sure of it first, so calling this is optional.</remarks>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the documents in one batch. Idempotent: a document whose id is already stored is left
    /// as it is and reported as not created.
    /// </summary>
    Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken);

    /// <summary>Any stored version by id, with its version number; null when unknown.</summary>
    Task<StoredDocument?> GetAsync(Guid documentId, CancellationToken cancellationToken);

    /// <summary>Every stored version of a source path, oldest first.</summary>
    Task<IReadOnlyList<DocumentVersion>> GetVersionsAsync(string sourcePath, CancellationToken cancellationToken);

    /// <summary>Ranked hits of the current versions, with highlighted snippets, the total and paging.</summary>
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>Counts per language, source agency, top entities and month over what the request matches.</summary>
    /// <remarks>An empty query counts every current document that passes the filters.</remarks>
    Task<SearchFacets> GetFacetsAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>Number of stored documents, every version included.</summary>
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

    /// <summary>Set by the store when read back.</summary>
    public DateTimeOffset? StoredAt { get; init; }

    /// <summary>Set by the store when read back: 1 for the first version of its source path.</summary>
    public int Version { get; init; }

    /// <summary>Set by the store when read back: true when this is the version search sees.</summary>
    public bool IsCurrent { get; init; }
}

public sealed record UpsertOutcome(Guid DocumentId, bool Created);

/// <summary>One stored version of a source path.</summary>
public sealed record DocumentVersion(Guid DocumentId, int Version, bool IsCurrent, string Sha256, DateTimeOffset DroppedAt, DateTimeOffset StoredAt);

/// <summary>
/// A search as a person types it, with optional filters. Raw input is always safe.
/// Syntax: words (all must match), "exact phrase", <c>OR</c> between alternatives, <c>-word</c> or
/// <c>-"phrase"</c> to exclude. A blank query matches every document that passes the filters, newest first.
/// </summary>
public sealed record SearchRequest(string Query)
{
    public int Limit { get; init; } = 20;
    public int Offset { get; init; }

    /// <summary>ISO 639-1 code, e.g. "id".</summary>
    public string? Language { get; init; }

    /// <summary>Inclusive bounds on the day the article was published.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>An entity's name, compared without regard to case, e.g. "Viktor Orban".</summary>
    public string? Entity { get; init; }

    /// <summary>A news agency the article cites, e.g. "ANTARA" (case does not matter).</summary>
    public string? Source { get; init; }

    /// <summary>The site name (case does not matter).</summary>
    public string? Site { get; init; }
}

public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits);

/// <param name="Snippet">Plain text from the body (or the title) around the best match.</param>
/// <param name="Score">Higher is better; comparable only within one result list.</param>
public sealed record SearchHit(
    Guid Id,
    string Title,
    string? PublishedAt,
    string? Language,
    double Score,
    string Snippet,
    string SourcePath)
{
    /// <summary>Where the query's words are in <see cref="SearchHit.Snippet"/>.</summary>
    public IReadOnlyList<TextSpan> Highlights { get; init; } = [];

    /// <summary>The snippet with every highlight wrapped, e.g. in <c>&lt;mark&gt;</c> or terminal colours.</summary>
    public string MarkSnippet(string open, string close, Func<string, string>? encode = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(close);
        encode ??= static text => text;
        var builder = new System.Text.StringBuilder(Snippet.Length + (Highlights.Count * (open.Length + close.Length)));
        var position = 0;
        foreach (var span in Highlights)
        {
            builder.Append(encode(Snippet[position..span.Start]));
            builder.Append(open).Append(encode(Snippet.Substring(span.Start, span.Length))).Append(close);
            position = span.Start + span.Length;
        }

        builder.Append(encode(Snippet[position..]));
        return builder.ToString();
    }
}

/// <summary>A range of characters in a text.</summary>
public readonly record struct TextSpan(int Start, int Length);

/// <summary>Counts for narrowing a search, largest first (months in time order).</summary>
public sealed record SearchFacets(
    long Total,
    IReadOnlyList<FacetCount> Languages,
    IReadOnlyList<FacetCount> Sources,
    IReadOnlyList<FacetCount> Entities,
    IReadOnlyList<FacetCount> Months);

/// <param name="Value">
/// The language code, agency, entity name or month ("2024-06"); "unknown" when absent. Agencies and
/// entities are counted without regard to case and shown in one of their spellings.
/// </param>
public sealed record FacetCount(string Value, long Count);
