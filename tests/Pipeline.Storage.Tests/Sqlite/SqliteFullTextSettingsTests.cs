using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Storage.Tests.Sqlite;

/// <summary>Settings the SQLite store's migrations give its FTS5 index, read back from a real file.</summary>
public sealed class SqliteFullTextSettingsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pipeline-sqlite-fts-");

    [Fact]
    public async Task The_full_text_index_merges_segments_eight_at_a_time()
    {
        var options = new StorageOptions { DataDirectory = _folder.FullName };
        var store = new SqliteArticleStore(options, NullLogger<SqliteArticleStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={options.SqlitePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT v FROM documents_fts_config WHERE k = 'automerge'";

        Assert.Equal(8L, await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
