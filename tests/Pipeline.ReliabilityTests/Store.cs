using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage;

namespace Pipeline.ReliabilityTests;

/// <summary>Opens the store the workers write to, as the tests' own reader.</summary>
internal static class Store
{
    public static async Task<(ServiceProvider Services, IArticleStore Store)> OpenAsync(string provider, string dataDirectory, string? connectionString = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Storage:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddArticleStore(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<IArticleStore>();
        await store.InitializeAsync(CancellationToken.None);
        return (services, store);
    }
}
