using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Storage.Tests;

public sealed class AddArticleStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pipeline-di-");

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddArticleStore(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task The_Storage_section_chooses_sqlite_by_default_and_binds_its_keys()
    {
        await using var provider = Build(new() { ["Storage:DataDirectory"] = _folder.FullName, ["Storage:BatchSize"] = "64" });

        var store = provider.GetRequiredService<IArticleStore>();
        await store.PingAsync(CancellationToken.None);

        Assert.IsType<SqliteArticleStore>(store);
        Assert.Equal(64, provider.GetRequiredService<IOptions<StorageOptions>>().Value.BatchSize);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "pipeline.db")));
    }

    [Fact]
    public async Task Provider_postgres_gives_the_postgres_store()
    {
        await using var provider = Build(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody" });

        Assert.IsType<PostgresArticleStore>(provider.GetRequiredService<IArticleStore>());
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_a_clear_error()
    {
        await using var provider = Build(new() { ["Storage:Provider"] = "postgres" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IArticleStore>());
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
