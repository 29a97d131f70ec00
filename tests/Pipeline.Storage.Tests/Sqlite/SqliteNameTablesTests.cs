using Microsoft.Data.Sqlite;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Storage.Tests.Sqlite;

/// <summary>
/// The tables of the names an article cites and mentions (agencies, entities), in a real file: keyed by document
/// first, so a batch's rows are appended rather than scattered by name, and upgraded from the older layout with
/// every row kept.
/// </summary>
public sealed class SqliteNameTablesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pipeline-sqlite-names-");

    [Theory]
    [InlineData("document_sources")]
    [InlineData("document_entities")]
    public async Task A_store_of_the_older_layout_keeps_every_name_and_keys_them_by_document_first(string table)
    {
        await using var connection = await OpenAsync();
        await SqliteSchema.MigrateAsync(connection, [.. SqliteMigrations.All.Where(m => m.Version <= 2)], CancellationToken.None);
        await ExecuteAsync(connection, """
            INSERT INTO documents (id, document_id, source_path, sha256, correlation_id, dropped_at, stored_at, is_current, stages, article)
            VALUES (1, x'01', 'a.txt', 'aa', x'0a', 0, 0, 1, '{}', x'00'), (2, x'02', 'b.txt', 'bb', x'0b', 0, 0, 1, '{}', x'00');
            """);
        await ExecuteAsync(connection, $"INSERT INTO {table} (key, document, name) VALUES ('jakarta', 2, 'Jakarta'), ('antara', 1, 'Antara'), ('jakarta', 1, 'Jakarta')");

        var applied = await SqliteSchema.MigrateAsync(connection, SqliteMigrations.All, CancellationToken.None);

        Assert.Contains(applied, m => m.Version == 3);
        Assert.Equal(
            ["1 antara Antara", "1 jakarta Jakarta", "2 jakarta Jakarta"],
            await RowsAsync(connection, $"SELECT document || ' ' || key || ' ' || name FROM {table} ORDER BY document, key"));
        Assert.Equal(["document", "key"], await PrimaryKeyAsync(connection, table));
        Assert.Single(await RowsAsync(connection, $"SELECT name FROM pragma_index_list('{table}')"));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.FullName, "store.db")}");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>The primary key's columns in key order (a WITHOUT ROWID table is stored in that order).</summary>
    private static Task<List<string>> PrimaryKeyAsync(SqliteConnection connection, string table) =>
        RowsAsync(connection, $"SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
