using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Pipeline.Ingest.Ledger;

/// <summary>
/// The durable memory of ingest: one row per claimed file (keyed by its correlation id, since the same
/// content may be dropped as several files), looked up by content hash to recognise repeats.
/// SQLite under the data folder. Every write goes through one <see cref="LedgerWriter"/> (group commit); a
/// replica sharing the file waits on SQLite's own busy handling, so no extra retry sits around these calls.
/// </summary>
public sealed class IngestLedger : IAsyncDisposable
{
    private const string Columns = "correlation_id, sha256, document_id, source_path, media_type, size_bytes, state, " +
                                   "duplicate_of, dropped_at, file_modified_at, published_at, updated_at, reason";

    private readonly string _connectionString;
    private readonly LedgerWriter _writer;

    public IngestLedger(IOptions<IngestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.LedgerPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        // Created once, when the stage is composed: a ledger that cannot be opened should stop the start.
        CreateSchema();
        _writer = new LedgerWriter(_connectionString);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>
    /// Records a claim about to be made, durably (synced to disk) before the file is renamed: a file of ours in
    /// the work folder must never lack its row, or recovery would take it for another replica's.
    /// </summary>
    public Task RecordClaimingAsync(ClaimRecord claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return _writer.WriteAsync((session, token) => UpsertAsync(session, claim, token), synced: true, cancellationToken);
    }

    /// <summary>Inserts the claim or overwrites what is known about it.</summary>
    public Task SaveAsync(ClaimRecord claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return _writer.WriteAsync((session, token) => UpsertAsync(session, claim, token), synced: false, cancellationToken);
    }

    /// <summary>
    /// Records a claim as published, with what reading it found (hash, document id, media type), and returns the
    /// earliest other claim of the same content, if any. Written once the message is out, not before as well: a
    /// crash in between leaves the row as claimed, and the start-up recovery publishes the file again, which the
    /// idempotent store absorbs. An outcome already recorded (stored, quarantined) stays.
    /// </summary>
    public Task<Guid?> RecordPublishedAsync(ClaimRecord claim, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return _writer.WriteAsync(async (session, token) =>
        {
            Guid? duplicateOf = null;
            if (claim.Sha256 is not null)
            {
                var find = session.Command("SELECT correlation_id FROM claims WHERE sha256 = $sha AND correlation_id <> $id ORDER BY dropped_at LIMIT 1");
                find.Parameters.AddWithValue("$sha", claim.Sha256);
                find.Parameters.AddWithValue("$id", Text(claim.CorrelationId));
                if (await find.ExecuteScalarAsync(token) is string earlier)
                    duplicateOf = Guid.Parse(earlier);
            }

            await UpsertAsync(session, claim with { State = ClaimState.Published, PublishedAt = at, UpdatedAt = at, DuplicateOf = duplicateOf }, token);
            return duplicateOf;
        }, synced: false, cancellationToken);
    }

    /// <summary>
    /// Records that one article of a file holding several is stored (again: no change) and returns how many of
    /// the file's articles are stored so far. The file is finished when that reaches its article count.
    /// </summary>
    public Task<int> RecordStoredItemAsync(Guid correlationId, int itemIndex, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(async (session, token) =>
        {
            var command = session.Command("""
                INSERT OR IGNORE INTO stored_items (correlation_id, item_index) VALUES ($id, $item);
                SELECT count(*) FROM stored_items WHERE correlation_id = $id;
                """);
            command.Parameters.AddWithValue("$id", Text(correlationId));
            command.Parameters.AddWithValue("$item", itemIndex);
            return Convert.ToInt32(await command.ExecuteScalarAsync(token), CultureInfo.InvariantCulture);
        }, synced: false, cancellationToken);

    /// <summary>
    /// Removes finished claims (stored or quarantined) last updated before <paramref name="cutoff"/>, with their
    /// stored-article marks, except those <paramref name="keep"/> (given correlation id and source path) holds on
    /// to, and returns how many went. In writes of at most <paramref name="batchSize"/> claims, so a large first
    /// prune never holds up for long the writes of files arriving meanwhile.
    /// </summary>
    public async Task<int> PruneFinishedAsync(DateTimeOffset cutoff, Func<Guid, string, bool> keep, int batchSize = 500,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var total = 0;
        var after = string.Empty;
        while (true)
        {
            var batch = await _writer.WriteAsync((session, token) => PruneBatchAsync(session, cutoff, keep, after, batchSize, token),
                synced: false, cancellationToken);
            total += batch.Removed;
            if (batch.Looked < batchSize)
                return total;
            after = batch.LastId;
        }
    }

    /// <summary>One batch, in correlation id order from <paramref name="after"/>, so the claims kept are not looked at again.</summary>
    private static async Task<(int Looked, int Removed, string LastId)> PruneBatchAsync(LedgerSession session, DateTimeOffset cutoff,
        Func<Guid, string, bool> keep, string after, int batchSize, CancellationToken cancellationToken)
    {
        var find = session.Command("SELECT correlation_id, source_path FROM claims WHERE correlation_id > $after " +
                                   "AND state IN ($stored, $quarantined) AND updated_at < $cutoff ORDER BY correlation_id LIMIT $batch");
        find.Parameters.AddWithValue("$after", after);
        find.Parameters.AddWithValue("$stored", Text(ClaimState.Stored));
        find.Parameters.AddWithValue("$quarantined", Text(ClaimState.Quarantined));
        find.Parameters.AddWithValue("$cutoff", Text(cutoff));
        find.Parameters.AddWithValue("$batch", batchSize);
        var found = new List<(string Id, string SourcePath)>(batchSize);
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                found.Add((reader.GetString(0), reader.GetString(1)));
        }

        var removed = 0;
        foreach (var (id, sourcePath) in found)
        {
            if (keep(Guid.Parse(id), sourcePath))
                continue;
            var delete = session.Command("DELETE FROM stored_items WHERE correlation_id = $id; DELETE FROM claims WHERE correlation_id = $id");
            delete.Parameters.AddWithValue("$id", id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
            removed++;
        }

        return (found.Count, removed, found.Count == 0 ? after : found[^1].Id);
    }

    /// <summary>Removes a claim that never happened (another replica renamed the file first).</summary>
    public Task ForgetAsync(Guid correlationId, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(async (session, token) =>
        {
            var command = session.Command("DELETE FROM claims WHERE correlation_id = $id AND state = $received");
            command.Parameters.AddWithValue("$id", Text(correlationId));
            command.Parameters.AddWithValue("$received", Text(ClaimState.Received));
            return await command.ExecuteNonQueryAsync(token);
        }, synced: false, cancellationToken);

    public async Task<ClaimRecord?> FindAsync(Guid correlationId, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync("correlation_id = $p", Text(correlationId), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Every claim of this content, oldest first.</summary>
    public Task<List<ClaimRecord>> FindByContentAsync(string sha256, CancellationToken cancellationToken = default) =>
        QueryAsync("sha256 = $p", sha256, cancellationToken);

    /// <summary>Every claim in this state, oldest first; reads the whole ledger (no index serves it).</summary>
    public Task<List<ClaimRecord>> FindByStateAsync(ClaimState state, CancellationToken cancellationToken = default) =>
        QueryAsync("state = $p", Text(state), cancellationToken);

    private async Task<List<ClaimRecord>> QueryAsync(string where, string parameter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM claims WHERE {where} ORDER BY dropped_at";
        command.Parameters.AddWithValue("$p", parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ClaimRecord>();
        while (await reader.ReadAsync(cancellationToken))
            records.Add(Read(reader));
        return records;
    }

    private const string UpsertSql =
        $"INSERT INTO claims ({Columns}) VALUES ($id, $sha, $doc, $path, $media, $size, $state, $dup, $dropped, $modified, $published, $updated, $reason) " +
        "ON CONFLICT (correlation_id) DO UPDATE SET sha256 = coalesce(excluded.sha256, sha256), " +
        "document_id = coalesce(excluded.document_id, document_id), source_path = excluded.source_path, " +
        "media_type = coalesce(excluded.media_type, media_type), size_bytes = excluded.size_bytes, " +
        // An outcome is final: a late republish (recovery racing a finishing message) must not undo it.
        "state = CASE WHEN state IN ($stored, $quarantined) AND excluded.state NOT IN ($stored, $quarantined) THEN state ELSE excluded.state END, " +
        "duplicate_of = coalesce(excluded.duplicate_of, duplicate_of), file_modified_at = coalesce(excluded.file_modified_at, file_modified_at), " +
        "published_at = coalesce(excluded.published_at, published_at), updated_at = excluded.updated_at, " +
        "reason = coalesce(excluded.reason, reason)";

    private static async Task<int> UpsertAsync(LedgerSession session, ClaimRecord claim, CancellationToken cancellationToken)
    {
        var command = session.Command(UpsertSql);
        var p = command.Parameters;
        p.AddWithValue("$id", Text(claim.CorrelationId));
        p.AddWithValue("$sha", (object?)claim.Sha256 ?? DBNull.Value);
        p.AddWithValue("$doc", claim.DocumentId is { } doc ? Text(doc) : DBNull.Value);
        p.AddWithValue("$path", claim.SourcePath);
        p.AddWithValue("$media", (object?)claim.MediaType ?? DBNull.Value);
        p.AddWithValue("$size", claim.SizeBytes);
        p.AddWithValue("$state", Text(claim.State));
        p.AddWithValue("$dup", claim.DuplicateOf is { } dup ? Text(dup) : DBNull.Value);
        p.AddWithValue("$dropped", Text(claim.DroppedAt));
        p.AddWithValue("$modified", claim.FileModifiedAt is { } m ? Text(m) : DBNull.Value);
        p.AddWithValue("$published", claim.PublishedAt is { } pub ? Text(pub) : DBNull.Value);
        p.AddWithValue("$updated", Text(claim.UpdatedAt == default ? DateTimeOffset.UtcNow : claim.UpdatedAt));
        p.AddWithValue("$reason", (object?)claim.Reason ?? DBNull.Value);
        p.AddWithValue("$stored", Text(ClaimState.Stored));
        p.AddWithValue("$quarantined", Text(ClaimState.Quarantined));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private void CreateSchema()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL (a property of the file, so set once) lets replicas on one host read while another writes, and
        // lets most commits skip the fsync (see LedgerWriter). No index on state: nothing on the way of a file
        // looks claims up by state (recovery starts from the work folder), and every write moved the row's entry.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS claims (
                correlation_id   TEXT PRIMARY KEY,
                sha256           TEXT NULL,
                document_id      TEXT NULL,
                source_path      TEXT NOT NULL,
                media_type       TEXT NULL,
                size_bytes       INTEGER NOT NULL,
                state            TEXT NOT NULL,
                duplicate_of     TEXT NULL,
                dropped_at       TEXT NOT NULL,
                file_modified_at TEXT NULL,
                published_at     TEXT NULL,
                updated_at       TEXT NOT NULL,
                reason           TEXT NULL
            );
            CREATE INDEX IF NOT EXISTS claims_by_sha256_dropped_at ON claims (sha256, dropped_at);
            DROP INDEX IF EXISTS claims_by_sha256;
            DROP INDEX IF EXISTS claims_by_state;
            CREATE TABLE IF NOT EXISTS stored_items (
                correlation_id   TEXT NOT NULL,
                item_index       INTEGER NOT NULL,
                PRIMARY KEY (correlation_id, item_index)
            );
            """;
        command.ExecuteNonQuery();
    }

    private static ClaimRecord Read(SqliteDataReader r) => new()
    {
        CorrelationId = Guid.Parse(r.GetString(0)),
        Sha256 = r.IsDBNull(1) ? null : r.GetString(1),
        DocumentId = r.IsDBNull(2) ? null : Guid.Parse(r.GetString(2)),
        SourcePath = r.GetString(3),
        MediaType = r.IsDBNull(4) ? null : r.GetString(4),
        SizeBytes = r.GetInt64(5),
        State = Enum.Parse<ClaimState>(r.GetString(6), ignoreCase: true),
        DuplicateOf = r.IsDBNull(7) ? null : Guid.Parse(r.GetString(7)),
        DroppedAt = Time(r.GetString(8)),
        FileModifiedAt = r.IsDBNull(9) ? null : Time(r.GetString(9)),
        PublishedAt = r.IsDBNull(10) ? null : Time(r.GetString(10)),
        UpdatedAt = Time(r.GetString(11)),
        Reason = r.IsDBNull(12) ? null : r.GetString(12),
    };

    private static string Text(Guid id) => id.ToString("D");
    private static string Text(ClaimState state) => state.ToString().ToLowerInvariant();
    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
