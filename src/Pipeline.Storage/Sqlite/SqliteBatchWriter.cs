using Microsoft.Data.Sqlite;
using Pipeline.Storage.Documents;
using SQLitePCL;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// Writes one batch inside a transaction with prepared statements reused for every document.
/// A document whose id is stored already is skipped whole; that is what makes the upsert idempotent.
/// </summary>
/// <remarks>
/// A slice of documents is written table by table (all rows, then all full-text entries, then all names),
/// not document by document: each table's and index's pages stay hot in the CPU caches and the page cache.
/// On 5 KB articles that cut the writer thread's CPU time per document from about 550 to 330 microseconds
/// (measured on a busy machine), most of what is left being FTS5's own indexing of the terms.
/// </remarks>
internal sealed class SqliteBatchWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertDocument;
    private readonly SqliteCommand _insertText;
    private readonly SqliteCommand _insertSource;
    private readonly SqliteCommand _insertEntity;
    private readonly SqliteCommand _updateCurrent;
    private readonly HashSet<string> _touchedPaths = new(StringComparer.Ordinal);

    public SqliteBatchWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _insertDocument = Command(connection, transaction, """
            INSERT INTO documents (document_id, source_path, sha256, correlation_id, dropped_at, stored_at, is_current,
                                   language, published_on, site_key, stages, article)
            VALUES ($document_id, $source_path, $sha256, $correlation_id, $dropped_at, $stored_at, 1,
                    $language, $published_on, $site_key, $stages, $article)
            ON CONFLICT (document_id) DO NOTHING
            """, "$document_id", "$source_path", "$sha256", "$correlation_id", "$dropped_at", "$stored_at",
            "$language", "$published_on", "$site_key", "$stages", "$article");
        _insertText = Command(connection, transaction,
            "INSERT INTO documents_fts (rowid, title, body) VALUES ($id, $title, $body)", "$id", "$title", "$body");
        _insertSource = Command(connection, transaction,
            "INSERT OR IGNORE INTO document_sources (key, document, name) VALUES ($key, $document, $name)", "$key", "$document", "$name");
        _insertEntity = Command(connection, transaction,
            "INSERT OR IGNORE INTO document_entities (key, document, name) VALUES ($key, $document, $name)", "$key", "$document", "$name");

        // The current version of a path is the one dropped last; ties go to the one stored last. Only rows
        // whose flag changes are written: a first version (the usual case) costs one index probe.
        _updateCurrent = Command(connection, transaction, """
            UPDATE documents SET is_current = NOT is_current
            WHERE source_path = $path AND is_current <> (id = (
                SELECT id FROM documents WHERE source_path = $path ORDER BY dropped_at DESC, id DESC LIMIT 1))
            """, "$path");
    }

    /// <summary>Writes a slice; <paramref name="created"/> is set to true for each document that was new.</summary>
    public void Write(IndexedDocument[] slice, DateTimeOffset storedAt, Span<bool> created)
    {
        var ids = new long[slice.Length];
        for (var i = 0; i < slice.Length; i++)
        {
            if (InsertDocument(slice[i], storedAt) is { } id)
            {
                ids[i] = id;
                created[i] = true;
            }
        }

        for (var i = 0; i < slice.Length; i++)
        {
            if (created[i])
                InsertText(slice[i], ids[i]);
        }

        for (var i = 0; i < slice.Length; i++)
        {
            if (!created[i])
                continue;
            InsertNames(_insertSource, ids[i], slice[i].Sources);
            InsertNames(_insertEntity, ids[i], slice[i].Entities);
            _touchedPaths.Add(slice[i].Article.Source.Path);
        }
    }

    /// <returns>The new row's id; null when the document was stored already.</returns>
    private long? InsertDocument(IndexedDocument document, DateTimeOffset storedAt)
    {
        var stored = document.Document;
        var values = _insertDocument.Parameters;
        values[0].Value = stored.DocumentId;
        values[1].Value = document.Article.Source.Path;
        values[2].Value = document.Article.Source.Sha256;
        values[3].Value = stored.CorrelationId;
        values[4].Value = stored.DroppedAt.ToUnixTimeMilliseconds();
        values[5].Value = storedAt.ToUnixTimeMilliseconds();
        values[6].Value = (object?)document.LanguageKey ?? DBNull.Value;
        values[7].Value = document.PublishedOn is { } day ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
        values[8].Value = (object?)document.SiteKey ?? DBNull.Value;
        values[9].Value = document.StagesJson;
        values[10].Value = document.PackedArticle;
        // Not RETURNING id: SQLite keeps a returned row in a temporary b-tree of its own (a page cache allocated
        // and freed) for every document. The row id of an insert that happened is the connection's last one.
        return _insertDocument.ExecuteNonQuery() == 0 ? null : raw.sqlite3_last_insert_rowid(_connection.Handle);
    }

    private void InsertText(IndexedDocument document, long id)
    {
        _insertText.Parameters[0].Value = id;
        _insertText.Parameters[1].Value = string.Join(' ', document.TitleTerms);
        _insertText.Parameters[2].Value = string.Join(' ', document.BodyTerms);
        _insertText.ExecuteNonQuery();
    }

    /// <summary>Marks the current version of every path this batch added a version to.</summary>
    public void UpdateCurrentVersions()
    {
        foreach (var path in _touchedPaths)
        {
            _updateCurrent.Parameters[0].Value = path;
            _updateCurrent.ExecuteNonQuery();
        }
    }

    private static void InsertNames(SqliteCommand command, long documentId, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            command.Parameters[0].Value = IndexedDocument.Key(name);
            command.Parameters[1].Value = documentId;
            command.Parameters[2].Value = name;
            command.ExecuteNonQuery();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameterNames)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    public void Dispose()
    {
        _insertDocument.Dispose();
        _insertText.Dispose();
        _insertSource.Dispose();
        _insertEntity.Dispose();
        _updateCurrent.Dispose();
    }
}
