using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Extraction.Messaging;

public static class ExtractionMessagingExtensions
{
    /// <summary>Registers the extract stage's consumer; the host decides the transport.</summary>
    public static IBusRegistrationConfigurator AddExtractionConsumers(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        bus.AddOptions<ExtractConsumerOptions>().Bind(configuration.GetSection(ExtractConsumerOptions.SectionName));
        bus.AddConsumer<ExtractArticleConsumer, ExtractArticleConsumerDefinition>();
        return bus;
    }
}
