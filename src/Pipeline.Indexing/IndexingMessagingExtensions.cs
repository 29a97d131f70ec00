using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Indexing;

public static class IndexingMessagingExtensions
{
    /// <summary>Registers the index stage's consumer; the host registers the store and the transport.</summary>
    public static IBusRegistrationConfigurator AddIndexingConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        bus.AddOptions<IndexConsumerOptions>().Bind(configuration.GetSection(IndexConsumerOptions.SectionName));
        bus.AddSingleton<GroupCommitWriter>();
        bus.AddConsumer<IndexArticlesConsumer, IndexArticlesConsumerDefinition>();
        return bus;
    }
}
