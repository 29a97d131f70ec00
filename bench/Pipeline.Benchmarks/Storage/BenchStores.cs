using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Sqlite;
using Pipeline.Testing.Postgres;

namespace Pipeline.Benchmarks.Storage;

/// <summary>
/// Stores for the benchmarks: SQLite in a temporary folder, PostgreSQL on a private server with the
/// server's durable defaults (fsync, full page writes), or on PIPELINE_TEST_POSTGRES when set.
/// </summary>
public sealed class BenchStores : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pipeline-bench-");
    private PostgresServer? _postgres;

    public async Task<IArticleStore> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var options = new StorageOptions { DataDirectory = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N")) };
            return new SqliteArticleStore(options, NullLogger<SqliteArticleStore>.Instance);
        }

        _postgres ??= await PostgresServer.StartAsync(new PostgresServerOptions { Settings = new Dictionary<string, string>() });
        var postgresOptions = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = await _postgres.CreateDatabaseAsync("bench") };
        return new PostgresArticleStore(postgresOptions, NullLogger<PostgresArticleStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
