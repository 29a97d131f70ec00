using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Storage.Postgres;
using Pipeline.Testing.Postgres;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>The contract against a real PostgreSQL 15 server started privately for this class.</summary>
public sealed class PostgresArticleStoreTests(PostgresFixture postgres) : ArticleStoreContract, IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private readonly Dictionary<IArticleStore, StorageOptions> _options = [];

    protected override async Task<IArticleStore> CreateStoreAsync(Action<StorageOptions>? configure = null)
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = await postgres.CreateDatabaseAsync("store"),
        };
        configure?.Invoke(options);
        return Open(options);
    }

    protected override IArticleStore OpenSameDatabase(IArticleStore store) => Open(_options[store]);

    private PostgresArticleStore Open(StorageOptions options)
    {
        var store = new PostgresArticleStore(options, NullLogger<PostgresArticleStore>.Instance);
        _options[store] = options;
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _options.Keys)
            await ((PostgresArticleStore)store).DisposeAsync();
    }
}
