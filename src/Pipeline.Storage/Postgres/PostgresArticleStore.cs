using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Pipeline.Storage.Documents;
using Pipeline.Storage.Resilience;
using Pipeline.Storage.Text;
using Polly;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// The scaled store: PostgreSQL 15, many index workers writing at once. Full text is a GIN-indexed
/// tsvector of the project's pre-analysed terms, so hits match the SQLite store's.
/// </summary>
public sealed partial class PostgresArticleStore : IArticleStore, IAsyncDisposable
{
    private readonly StorageOptions _options;
    private readonly ILogger<PostgresArticleStore> _logger;
    private readonly ResiliencePipeline _resilience;
    private readonly HitFactory _hits;
    private readonly InitializeOnce _initialization;
    private readonly NpgsqlDataSource _dataSource;
    private readonly float[] _rankWeights;
    private readonly GinPendingListCleaner _indexCleaner;

    public PostgresArticleStore(StorageOptions options, ILogger<PostgresArticleStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new ArgumentException("Storage:ConnectionString is required for the PostgreSQL store.", nameof(options));
        _options = options;
        _logger = logger;
        _resilience = TransientFaults.CreatePipeline(options, logger);
        _hits = new HitFactory(new SnippetBuilder(options.SnippetLength));
        _initialization = new InitializeOnce(MigrateAsync);
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        _indexCleaner = new GinPendingListCleaner(_dataSource, _resilience, options.PostgresIndexMergeDocuments, logger);

        // ts_rank weights are {D, C, B, A}: the body is written with D, the title with A.
        _rankWeights = [(float)(1.0 / options.TitleWeight), 0f, 0f, 1f];
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _initialization.EnsureAsync(cancellationToken);

    private async Task MigrateAsync(CancellationToken cancellationToken) =>
        await _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(token);
            var applied = await PostgresSchema.MigrateAsync(connection, PostgresMigrations.All, token);
            foreach (var migration in applied)
                LogMigrationApplied(connection.Database ?? string.Empty, migration.Version, migration.Name);
        }, cancellationToken);

    public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await InitializeAsync(cancellationToken);
        var outcomes = await BatchedUpsert.RunAsync(documents, _options.BatchSize, PostgresBatchWriter.ToRow,
            (slices, count) => _resilience.ExecuteAsync(async token =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(token);
                return await PostgresBatchWriter.WriteAsync(connection, slices, count, token);
            }, cancellationToken).AsTask());
        _indexCleaner.Written(outcomes.Count(o => o.Created));
        return outcomes;
    }

    /// <summary>
    /// Merges what waits in the GIN indexes' pending lists now, however little: for benchmarks, which count that
    /// work as part of indexing, and for tests. Writing merges by itself every
    /// <see cref="StorageOptions.PostgresIndexMergeDocuments"/> documents.
    /// </summary>
    public Task MergePendingIndexEntriesAsync() => _indexCleaner.MergeNowAsync();

    /// <summary>Completes once no merge asked for by writing is running or queued (for tests).</summary>
    internal Task IndexMergeIdleAsync() => _indexCleaner.IdleAsync();

    public async Task<StoredDocument?> GetAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand("""
                SELECT d.correlation_id, d.dropped_at, d.stored_at, d.is_current, d.stages::text, d.article,
                       (SELECT count(*) FROM documents v
                        WHERE v.source_path = d.source_path AND (v.dropped_at < d.dropped_at OR (v.dropped_at = d.dropped_at AND v.id <= d.id)))
                FROM documents d WHERE d.document_id = @id
                """);
            command.Parameters.AddWithValue("id", documentId);
            await using var reader = await command.ExecuteReaderAsync(token);
            if (!await reader.ReadAsync(token))
                return null;
            return new StoredDocument
            {
                DocumentId = documentId,
                CorrelationId = reader.GetGuid(0),
                DroppedAt = new DateTimeOffset(reader.GetDateTime(1)),
                StoredAt = new DateTimeOffset(reader.GetDateTime(2)),
                IsCurrent = reader.GetBoolean(3),
                Stages = DocumentCodec.StagesFromJson(reader.GetString(4)),
                Article = DocumentCodec.UnpackArticle(reader.GetFieldValue<byte[]>(5)),
                Version = (int)reader.GetInt64(6),
            };
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<DocumentVersion>> GetVersionsAsync(string sourcePath, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand("""
                SELECT document_id, is_current, sha256, dropped_at, stored_at FROM documents
                WHERE source_path = @path ORDER BY dropped_at, id
                """);
            command.Parameters.AddWithValue("path", sourcePath);
            await using var reader = await command.ExecuteReaderAsync(token);
            var versions = new List<DocumentVersion>();
            while (await reader.ReadAsync(token))
            {
                versions.Add(new DocumentVersion(
                    reader.GetGuid(0), versions.Count + 1, reader.GetBoolean(1), reader.GetString(2),
                    new DateTimeOffset(reader.GetDateTime(3)), new DateTimeOffset(reader.GetDateTime(4))));
            }

            return (IReadOnlyList<DocumentVersion>)versions;
        }, cancellationToken);
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await InitializeAsync(cancellationToken);
        var (query, highlightTerms, limit, offset) = SearchPlan.Of(request, _options);
        if (query.MatchesNothing)
            return new SearchResults(0, []);
        return await _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(token);
            await using var command = connection.CreateCommand();
            var from = FromClause(query, request, command);
            var (score, order, pageOrder) = query.IsBlank
                ? ("0.0::float8", "d.published_on DESC NULLS LAST, d.id DESC", "page.published_on DESC NULLS LAST, page.id DESC")
                : ("ts_rank(@weights, d.search, @query::tsquery)::float8", "score DESC, d.id", "page.score DESC, page.id");

            // One round trip and one pass over the matches ranks and counts them; only the page's articles are read.
            command.CommandText = $"""
                WITH page AS (
                    SELECT d.id, d.published_on, {score} AS score, count(*) OVER () AS total
                    {from} ORDER BY {order} LIMIT @limit OFFSET @offset)
                SELECT d.document_id, d.article, page.score, page.total
                FROM page JOIN documents d ON d.id = page.id ORDER BY {pageOrder}
                """;
            command.Parameters.AddWithValue("limit", limit);
            command.Parameters.AddWithValue("offset", offset);
            command.Parameters.AddWithValue("weights", NpgsqlDbType.Array | NpgsqlDbType.Real, _rankWeights);
            var hits = new List<SearchHit>(limit);
            long? total = null;
            await using (var reader = await command.ExecuteReaderAsync(token))
            {
                while (await reader.ReadAsync(token))
                {
                    hits.Add(_hits.Create(reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), reader.GetDouble(2), highlightTerms));
                    total = reader.GetInt64(3);
                }
            }

            // An empty page tells the total only when it is the first page.
            if (total is null && (offset > 0 || limit == 0))
            {
                command.CommandText = $"SELECT count(*) {from}";
                total = (long)(await command.ExecuteScalarAsync(token))!;
            }

            return new SearchResults(total ?? 0, hits);
        }, cancellationToken);
    }

    public async Task<SearchFacets> GetFacetsAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await InitializeAsync(cancellationToken);
        var query = QueryAnalyzer.Analyze(request.Query, request.Language);
        if (query.MatchesNothing)
            return new SearchFacets(0, [], [], [], []);
        return await _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(token);
            await using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("top", _options.TopEntities);
            return await FacetCounts.CountAsync(command, new FacetSql(
                Matched: $"WITH matched AS (SELECT d.language, d.published_on, d.source_names, d.source_keys, d.entity_names, d.entity_keys {FromClause(query, request, command)}) ",
                Languages: $"SELECT coalesce(language, '{FacetOrder.Unknown}'), count(*) FROM matched GROUP BY 1",
                Sources: "SELECT min(s.name COLLATE \"C\"), count(*) FROM matched, unnest(source_names, source_keys) AS s (name, key) GROUP BY s.key",
                TopEntities: "SELECT min(e.name COLLATE \"C\") AS name, count(*) AS n FROM matched, unnest(entity_names, entity_keys) AS e (name, key) GROUP BY e.key ORDER BY n DESC, name LIMIT @top",
                Months: $"SELECT coalesce(to_char(published_on, 'YYYY-MM'), '{FacetOrder.Unknown}'), count(*) FROM matched GROUP BY 1"), token);
        }, cancellationToken);
    }

    private static string FromClause(AnalyzedQuery query, SearchRequest request, NpgsqlCommand command)
    {
        var filters = PostgresFilters.Instance.Write(request, command);
        if (query.IsBlank)
            return $"FROM documents d WHERE {filters}";
        command.Parameters.AddWithValue("query", TsQuery.From(query));
        return $"FROM documents d WHERE d.search @@ @query::tsquery AND {filters}";
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand("SELECT count(*) FROM documents");
            return (long)(await command.ExecuteScalarAsync(token))!;
        }, cancellationToken);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _indexCleaner.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied storage migration {MigrationVersion} ({MigrationName}) to database {DatabaseName}")]
    private partial void LogMigrationApplied(string databaseName, int migrationVersion, string migrationName);
}
