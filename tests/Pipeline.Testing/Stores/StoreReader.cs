using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage;

namespace Pipeline.Testing.Stores;

/// <summary>
/// The store the pipeline under test writes to, opened as the test's own reader through the same registration the
/// host uses. Disposing closes it.
/// </summary>
public sealed class StoreReader : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StoreReader(ServiceProvider services)
    {
        _services = services;
        Store = services.GetRequiredService<IArticleStore>();
    }

    public IArticleStore Store { get; }

    /// <param name="provider">"sqlite" or "postgres", as <c>Storage:Provider</c> takes it.</param>
    public static async Task<StoreReader> OpenAsync(string provider, string dataDirectory, string? connectionString = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] = provider,
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = dataDirectory,
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}"] = connectionString,
        }).Build();
        var reader = new StoreReader(new ServiceCollection().AddLogging().AddArticleStore(configuration).BuildServiceProvider());
        try
        {
            await reader.Store.InitializeAsync(CancellationToken.None);
            return reader;
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
