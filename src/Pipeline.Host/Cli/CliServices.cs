using Pipeline.Storage;

namespace Pipeline.Host.Cli;

/// <summary>Services for one-shot commands (search, show): configuration as the host reads it, no bus.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection, IConfiguration>? add = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var pipeline = configuration.GetSection(Hosting.PipelineOptions.SectionName).Get<Hosting.PipelineOptions>() ?? new();
        var withPaths = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(Hosting.DataPaths.Defaults(pipeline, configuration))
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(withPaths);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        add?.Invoke(services, withPaths);
        return services.BuildServiceProvider();
    }

    public static async Task<IArticleStore> OpenStoreAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IArticleStore>();
        await store.InitializeAsync(cancellationToken);
        return store;
    }
}
