using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Pipeline.Storage.Documents;
using Pipeline.Storage.Resilience;
using Pipeline.Storage.Text;
using Polly;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, FTS5 over pre-analysed terms. Writers from several
/// processes take turns on the file's write lock; readers never wait for them.
/// </summary>
public sealed partial class SqliteArticleStore : IArticleStore
{
    private readonly StorageOptions _options;
    private readonly ILogger<SqliteArticleStore> _logger;
    private readonly ResiliencePipeline _resilience;
    private readonly HitFactory _hits;
    private readonly InitializeOnce _initialization;
    private readonly string _connectionString;

    public SqliteArticleStore(StorageOptions options, ILogger<SqliteArticleStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        _resilience = TransientFaults.CreatePipeline(options, logger);
        _hits = new HitFactory(new SnippetBuilder(options.SnippetLength));
        _initialization = new InitializeOnce(MigrateAsync);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.SqlitePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = (int)Math.Ceiling(options.SqliteBusyTimeout.TotalSeconds),
            Pooling = true,
        }.ToString();
    }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _initialization.EnsureAsync(cancellationToken);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_options.SqlitePath)!);
        await _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await OpenAsync(token);
            var applied = await SqliteSchema.MigrateAsync(connection, SqliteMigrations.All, token);
            foreach (var migration in applied)
                LogMigrationApplied(_options.SqlitePath, migration.Version, migration.Name);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await InitializeAsync(cancellationToken);
        return await BatchedUpsert.RunAsync(documents, _options.BatchSize, static document => document,
            (slices, count) => _resilience.ExecuteAsync(async token => await WriteBatchAsync(slices, count, token), cancellationToken).AsTask());
    }

    private async Task<bool[]> WriteBatchAsync(PreparedSlices<IndexedDocument> slices, int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var writer = new SqliteBatchWriter(connection, transaction);
        var created = new bool[count];
        var storedAt = DateTimeOffset.UtcNow;
        var written = 0;
        for (var s = 0; s < slices.Count; s++)
        {
            var slice = await slices[s].WaitAsync(cancellationToken);
            writer.Write(slice, storedAt, created.AsSpan(written, slice.Length));
            written += slice.Length;
        }

        writer.UpdateCurrentVersions();
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public async Task<StoredDocument?> GetAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await OpenAsync(token);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT d.correlation_id, d.dropped_at, d.stored_at, d.is_current, d.stages, d.article,
                       (SELECT count(*) FROM documents v
                        WHERE v.source_path = d.source_path AND (v.dropped_at < d.dropped_at OR (v.dropped_at = d.dropped_at AND v.id <= d.id)))
                FROM documents d WHERE d.document_id = $id
                """;
            command.Parameters.AddWithValue("$id", documentId);
            await using var reader = await command.ExecuteReaderAsync(token);
            if (!await reader.ReadAsync(token))
                return null;
            return new StoredDocument
            {
                DocumentId = documentId,
                CorrelationId = reader.GetGuid(0),
                DroppedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                StoredAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                IsCurrent = reader.GetInt64(3) == 1,
                Stages = DocumentCodec.StagesFromJson(reader.GetString(4)),
                Article = DocumentCodec.UnpackArticle((byte[])reader.GetValue(5)),
                Version = reader.GetInt32(6),
            };
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<DocumentVersion>> GetVersionsAsync(string sourcePath, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await OpenAsync(token);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT document_id, is_current, sha256, dropped_at, stored_at FROM documents
                WHERE source_path = $path ORDER BY dropped_at, id
                """;
            command.Parameters.AddWithValue("$path", sourcePath);
            await using var reader = await command.ExecuteReaderAsync(token);
            var versions = new List<DocumentVersion>();
            while (await reader.ReadAsync(token))
            {
                versions.Add(new DocumentVersion(
                    reader.GetGuid(0), versions.Count + 1, reader.GetInt64(1) == 1, reader.GetString(2),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
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
            await using var connection = await OpenAsync(token);
            await using var command = connection.CreateCommand();
            var from = FromClause(query, request, command);
            const string score = "-bm25(documents_fts, $titleWeight, 1.0)";
            const string order = "d.published_on DESC NULLS LAST, d.id DESC";
            var pageOrder = query.IsBlank ? "page.published_on DESC NULLS LAST, page.id DESC" : "page.score DESC, page.id";

            // A text query reads the full-text index once: the same pass ranks and counts the matches. A blank
            // query counts apart, so its page can come straight from the published_on index.
            var total = query.IsBlank ? await CountAsync(command, from, token) : (long?)null;
            var hits = new List<SearchHit>(limit);
            if (total <= offset || limit == 0)
                return new SearchResults(total ?? await CountAsync(command, from, token), hits);

            // Rank on narrow rows first: only the page's articles are read and unpacked. FTS5's bm25 cannot
            // stand beside a window function, so the matches are ranked (and materialised) before counting.
            command.CommandText = query.IsBlank
                ? $"""
                    WITH page AS (SELECT d.id, d.published_on {from} ORDER BY {order} LIMIT $limit OFFSET $offset)
                    SELECT d.document_id, d.article, 0.0 FROM page JOIN documents d ON d.id = page.id ORDER BY {pageOrder}
                    """
                : $"""
                    WITH ranked AS MATERIALIZED (SELECT d.id, {score} AS score {from}),
                         page AS (SELECT id, score, count(*) OVER () AS total FROM ranked ORDER BY score DESC, id LIMIT $limit OFFSET $offset)
                    SELECT d.document_id, d.article, page.score, page.total FROM page JOIN documents d ON d.id = page.id ORDER BY {pageOrder}
                    """;
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$offset", offset);
            command.Parameters.AddWithValue("$titleWeight", _options.TitleWeight);
            await using (var reader = await command.ExecuteReaderAsync(token))
            {
                while (await reader.ReadAsync(token))
                {
                    hits.Add(_hits.Create(reader.GetGuid(0), (byte[])reader.GetValue(1), reader.GetDouble(2), highlightTerms));
                    if (!query.IsBlank)
                        total = reader.GetInt64(3);
                }
            }

            // An empty page beyond the first tells nothing of the total.
            return new SearchResults(total ?? (offset > 0 ? await CountAsync(command, from, token) : 0), hits);
        }, cancellationToken);
    }

    private static async Task<long> CountAsync(SqliteCommand command, string from, CancellationToken cancellationToken)
    {
        command.CommandText = $"SELECT count(*) {from}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
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
            await using var connection = await OpenAsync(token);
            await using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$top", _options.TopEntities);
            return await FacetCounts.CountAsync(command, new FacetSql(
                Matched: $"WITH matched AS (SELECT d.id, d.language, d.published_on {FromClause(query, request, command)}) ",
                Languages: $"SELECT coalesce(language, '{FacetOrder.Unknown}'), count(*) FROM matched GROUP BY 1",
                Sources: "SELECT min(s.name), count(*) FROM matched JOIN document_sources s ON s.document = matched.id GROUP BY s.key",
                TopEntities: "SELECT min(e.name) AS name, count(*) AS n FROM matched JOIN document_entities e ON e.document = matched.id GROUP BY e.key ORDER BY n DESC, name LIMIT $top",
                Months: $"SELECT coalesce(substr(published_on, 1, 7), '{FacetOrder.Unknown}'), count(*) FROM matched GROUP BY 1"), token);
        }, cancellationToken);
    }

    private static string FromClause(AnalyzedQuery query, SearchRequest request, SqliteCommand command)
    {
        var filters = SqliteFilters.Instance.Write(request, command);
        if (query.IsBlank)
            return $"FROM documents d WHERE {filters}";
        command.Parameters.AddWithValue("$match", Fts5Query.From(query));
        return $"FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH $match AND {filters}";
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await OpenAsync(token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM documents";
            return (long)(await command.ExecuteScalarAsync(token))!;
        }, cancellationToken);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();

            // synchronous applies per connection. NORMAL in WAL mode never corrupts the file, but a power cut
            // (not a process crash) may lose the last commits; FULL syncs every commit.
            var synchronous = _options.SqliteDurableCommits ? "FULL" : "NORMAL";
            command.CommandText = $"PRAGMA synchronous = {synchronous}; PRAGMA foreign_keys = ON; PRAGMA cache_size = -{_options.SqliteCacheSizeMegabytes * 1024};";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied storage migration {MigrationVersion} ({MigrationName}) to {DatabasePath}")]
    private partial void LogMigrationApplied(string databasePath, int migrationVersion, string migrationName);
}
