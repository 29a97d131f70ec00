using Npgsql;
using NpgsqlTypes;
using Pipeline.Storage.Documents;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// Writes one batch in one transaction: each prepared slice of documents as one statement of parallel
/// arrays through unnest (ON CONFLICT DO NOTHING makes the upsert idempotent), then one statement for
/// the version count of each touched path and the current-version flags.
/// </summary>
/// <remarks>
/// The server inserts a slice while the next one is analysed here, so the client's CPU work (analysis,
/// tsvector text) overlaps the server's (parsing, heap, GIN and WAL) instead of adding to it. On 5 KB
/// articles the server's share was about 650 microseconds of CPU per document, of which the GIN index on
/// the tsvector took 380 and parsing the tsvector text 130.
///
/// Several index workers may store versions of one path at once. The upsert into source_paths locks each
/// touched path's row (in path order, so two batches do not deadlock on each other) until commit, so the
/// writers recompute the flags one after the other and the last one sees every version.
/// </remarks>
internal static class PostgresBatchWriter
{
    // Unit separator: names are cleaned of control characters, so it cannot occur inside one.
    private const char ListSeparator = '\u001f';

    /// <summary>What one document needs on its way in: the store-neutral preparation and its tsvector text.</summary>
    public static PostgresRow ToRow(IndexedDocument document) => new(document, TsVector.From(document.TitleTerms, document.BodyTerms));

    public static async Task<bool[]> WriteAsync(NpgsqlConnection connection, PreparedSlices<PostgresRow> slices, int count, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = new bool[count];
        var createdPaths = new List<string>();
        var written = 0;
        for (var s = 0; s < slices.Count; s++)
        {
            var slice = await slices[s].WaitAsync(cancellationToken);
            var createdIds = await InsertDocumentsAsync(connection, transaction, slice, cancellationToken);
            for (var i = 0; i < slice.Length; i++)
            {
                var document = slice[i].Document;

                // Remove, so that the same document twice in one batch is created once.
                created[written + i] = createdIds.Remove(document.Document.DocumentId);
                if (created[written + i])
                    createdPaths.Add(document.Article.Source.Path);
            }

            written += slice.Length;
        }

        if (createdPaths.Count > 0)
            await UpdateVersionsAsync(connection, transaction, createdPaths, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    private static async Task<HashSet<Guid>> InsertDocumentsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresRow[] rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO documents (document_id, source_path, sha256, correlation_id, dropped_at, stored_at, language,
                                   published_on, site_key, source_names, source_keys, entity_names, entity_keys, stages, search, article)
            SELECT document_id, source_path, sha256, correlation_id, dropped_at, now(), language,
                   published_on::date, site_key,
                   string_to_array(source_names, @separator), string_to_array(source_keys, @separator),
                   string_to_array(entity_names, @separator), string_to_array(entity_keys, @separator),
                   stages::jsonb, search::tsvector, article
            FROM unnest(@document_ids, @source_paths, @sha256s, @correlation_ids, @dropped_ats, @languages,
                        @published_ons, @site_keys, @source_names, @source_keys, @entity_names, @entity_keys, @stages, @searches, @articles)
                 AS input (document_id, source_path, sha256, correlation_id, dropped_at, language,
                           published_on, site_key, source_names, source_keys, entity_names, entity_keys, stages, search, article)
            ON CONFLICT (document_id) DO NOTHING
            RETURNING document_id
            """, connection, transaction);
        var batch = Array.ConvertAll(rows, row => row.Document);
        var p = command.Parameters;
        p.AddWithValue("separator", ListSeparator.ToString());
        p.AddWithValue("document_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, Array.ConvertAll(batch, d => d.Document.DocumentId));
        p.AddWithValue("source_paths", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(batch, d => d.Article.Source.Path));
        p.AddWithValue("sha256s", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(batch, d => d.Article.Source.Sha256));
        p.AddWithValue("correlation_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, Array.ConvertAll(batch, d => d.Document.CorrelationId));
        p.AddWithValue("dropped_ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, Array.ConvertAll(batch, d => d.Document.DroppedAt.UtcDateTime));
        p.AddWithValue("languages", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(batch, d => d.LanguageKey));
        p.AddWithValue("published_ons", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(batch, d => d.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        p.AddWithValue("site_keys", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(batch, d => d.SiteKey));
        p.AddWithValue("source_names", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(batch, d => string.Join(ListSeparator, d.Sources)));
        p.AddWithValue("source_keys", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(batch, d => JoinKeys(d.Sources)));
        p.AddWithValue("entity_names", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(batch, d => string.Join(ListSeparator, d.Entities)));
        p.AddWithValue("entity_keys", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(batch, d => JoinKeys(d.Entities)));
        p.AddWithValue("stages", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(batch, d => d.StagesJson));
        p.AddWithValue("searches", NpgsqlDbType.Array | NpgsqlDbType.Text, Array.ConvertAll(rows, row => row.SearchVector));
        p.AddWithValue("articles", NpgsqlDbType.Array | NpgsqlDbType.Bytea, Array.ConvertAll(batch, d => d.PackedArticle));

        var created = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            created.Add(reader.GetGuid(0));
        return created;
    }

    private static string JoinKeys(IReadOnlyList<string> names) =>
        string.Join(ListSeparator, names.Select(name => IndexedDocument.Key(name)));

    private static async Task UpdateVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<string> paths, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO source_paths (source_path, versions)
            SELECT path, count(*) FROM unnest(@paths) AS path GROUP BY path ORDER BY path COLLATE "C"
            ON CONFLICT (source_path) DO UPDATE SET versions = source_paths.versions + excluded.versions;

            UPDATE documents d SET is_current = NOT d.is_current
            FROM (SELECT DISTINCT ON (source_path) source_path, id FROM documents
                  WHERE source_path = ANY (@paths) ORDER BY source_path, dropped_at DESC, id DESC) latest
            WHERE d.source_path = latest.source_path AND d.is_current <> (d.id = latest.id);
            """, connection, transaction);
        command.Parameters.AddWithValue("paths", NpgsqlDbType.Array | NpgsqlDbType.Text, paths.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <param name="SearchVector">The analysed title and body as tsvector text.</param>
internal sealed record PostgresRow(IndexedDocument Document, string SearchVector);
