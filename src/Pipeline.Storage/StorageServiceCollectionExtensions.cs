using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Sqlite;

namespace Pipeline.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IArticleStore"/> as a singleton, SQLite or PostgreSQL as the <c>Storage</c>
    /// section says (<see cref="StorageOptions"/>). The schema is created on first use.
    /// </summary>
    public static IServiceCollection AddArticleStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(options => options.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(options.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is postgres.")
            .Validate(options => options.BatchSize > 0, "Storage:BatchSize must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IArticleStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var loggerFactory = provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            return options.Provider switch
            {
                StorageProvider.Postgres => new PostgresArticleStore(options, loggerFactory.CreateLogger<PostgresArticleStore>()),
                _ => new SqliteArticleStore(options, loggerFactory.CreateLogger<SqliteArticleStore>()),
            };
        });
        return services;
    }
}
