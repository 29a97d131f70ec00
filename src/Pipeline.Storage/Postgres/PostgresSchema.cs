using Npgsql;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// Applies missing migrations in one transaction that first takes a transaction-level advisory lock,
/// so of several workers starting at once one migrates and the others wait, then find nothing to do.
/// </summary>
internal static class PostgresSchema
{
    // Any constant works as long as every version of the project uses the same one: "pipeline" in ASCII.
    private const long MigrationLockKey = 0x706970656C696E65;

    public static async Task<IReadOnlyList<Migration>> MigrateAsync(NpgsqlConnection connection, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT pg_advisory_xact_lock(@lock);
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """;
        command.Parameters.AddWithValue("lock", MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.Parameters.Clear();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        var current = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        var applied = new List<Migration>();
        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
                continue;
            command.CommandText = migration.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)";
            command.Parameters.AddWithValue("version", migration.Version);
            command.Parameters.AddWithValue("name", migration.Name);
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.Parameters.Clear();
            applied.Add(migration);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }
}
