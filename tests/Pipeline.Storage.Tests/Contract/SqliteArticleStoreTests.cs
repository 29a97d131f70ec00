using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>The contract against a real SQLite file in a temporary folder.</summary>
public sealed class SqliteArticleStoreTests : ArticleStoreContract, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pipeline-sqlite-");
    private readonly Dictionary<IArticleStore, StorageOptions> _options = [];

    protected override Task<IArticleStore> CreateStoreAsync(Action<StorageOptions>? configure = null)
    {
        var options = new StorageOptions { DataDirectory = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N")) };
        configure?.Invoke(options);
        return Task.FromResult<IArticleStore>(Open(options));
    }

    protected override IArticleStore OpenSameDatabase(IArticleStore store) => Open(_options[store]);

    private SqliteArticleStore Open(StorageOptions options)
    {
        var store = new SqliteArticleStore(options, NullLogger<SqliteArticleStore>.Instance);
        _options[store] = options;
        return store;
    }

    public void Dispose()
    {
        // Pooled connections keep the files open; release them before deleting the folder.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
