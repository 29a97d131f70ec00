using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Ingest.Claiming;
using Pipeline.Ingest.Finishing;
using Pipeline.Ingest.Ledger;
using Pipeline.Ingest.Watching;

namespace Pipeline.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ingest stage: options from the <c>Ingest</c> section, the ledger (pruned in the background), and the inbox watcher
    /// (a hosted service that waits for the bus to be healthy before it publishes anything). The host must
    /// also configure MassTransit and call <see cref="AddIngestConsumers"/> inside <c>AddMassTransit</c>.
    /// </summary>
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<IngestOptions>, IngestOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>, IngestOptionsSetup>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IngestLedger>();
        services.TryAddSingleton<FileFinisher>();
        services.TryAddSingleton<FileIntake>();
        services.TryAddSingleton<ClaimRecovery>();
        services.AddHostedService<InboxWatcher>();
        services.AddHostedService<LedgerPruning>();
        return services;
    }

    /// <summary>
    /// Registers the consumers that finish files (ArticleIndexed: archive; ArticleRejected: quarantine) on the
    /// <c>pipeline-ingest</c> endpoint, with retry and concurrency from their definitions.
    /// </summary>
    public static IBusRegistrationConfigurator AddIngestConsumers(this IBusRegistrationConfigurator configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        configurator.AddConsumer<ArticleIndexedConsumer, ArticleIndexedConsumerDefinition>();
        configurator.AddConsumer<ArticleRejectedConsumer, ArticleRejectedConsumerDefinition>();
        return configurator;
    }
}
