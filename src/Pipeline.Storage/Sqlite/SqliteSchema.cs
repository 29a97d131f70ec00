using Microsoft.Data.Sqlite;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// Applies missing migrations inside one IMMEDIATE transaction: it takes the file's write lock before
/// reading the applied versions, so of several workers starting at once one migrates and the others
/// wait (busy timeout), then find nothing left to do.
/// </summary>
internal static class SqliteSchema
{
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(SqliteConnection connection, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file: set once, kept by every later connection.
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            SELECT coalesce(max(version), 0) FROM schema_migrations;
            """;
        var current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var applied = new List<Migration>();
        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
                continue;
            command.CommandText = migration.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at)";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$version", migration.Version);
            command.Parameters.AddWithValue("$name", migration.Name);
            command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.Parameters.Clear();
            applied.Add(migration);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }
}
