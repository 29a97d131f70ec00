using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Storage;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Sqlite;
using Pipeline.Testing.Postgres;

namespace Pipeline.Benchmarks.Storage;

/// <summary>
/// Stores for the benchmarks: SQLite in a temporary folder, PostgreSQL on a private server with the
/// server's durable defaults (fsync, synchronous_commit, full page writes), or on PIPELINE_TEST_POSTGRES
/// when set. PIPELINE_BENCH_POSTGRES_SETTINGS adds server settings, e.g. "shared_buffers=1GB max_wal_size=4GB".
/// </summary>
public sealed class BenchStores : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pipeline-bench-");
    private readonly Dictionary<IArticleStore, string> _postgresDatabases = [];
    private PostgresServer? _postgres;

    public async Task<IArticleStore> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var options = new StorageOptions { DataDirectory = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N")) };
            return new SqliteArticleStore(options, NullLogger<SqliteArticleStore>.Instance);
        }

        _postgres ??= await PostgresServer.StartAsync(new PostgresServerOptions { Settings = ServerSettings() });
        var postgresOptions = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = await _postgres.CreateDatabaseAsync("bench") };
        var store = new PostgresArticleStore(postgresOptions, NullLogger<PostgresArticleStore>.Instance);
        _postgresDatabases[store] = postgresOptions.ConnectionString;
        return store;
    }

    /// <summary>
    /// After a bulk load, brings a PostgreSQL store to the state autovacuum leaves a live database in
    /// (planner statistics, visibility map), so searches are measured against that and not against whichever
    /// autovacuum run happens to overlap them.
    /// </summary>
    public async Task SettleAsync(IArticleStore store)
    {
        if (!_postgresDatabases.TryGetValue(store, out var connectionString))
            return;
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("VACUUM (ANALYZE) documents", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static Dictionary<string, string> ServerSettings()
    {
        var settings = new Dictionary<string, string>();
        var text = Environment.GetEnvironmentVariable("PIPELINE_BENCH_POSTGRES_SETTINGS") ?? string.Empty;
        foreach (var setting in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = setting.Split('=', 2);
            if (parts.Length != 2 || parts[0] is "fsync" or "synchronous_commit" or "full_page_writes")
                throw new ArgumentException($"PIPELINE_BENCH_POSTGRES_SETTINGS: '{setting}' is not name=value, or it would weaken durability.");
            settings[parts[0]] = parts[1];
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
