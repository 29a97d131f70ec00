using Microsoft.Extensions.Options;
using Pipeline.Extraction.Messaging;

namespace Pipeline.Extraction.Tests.Messaging;

public sealed class ExtractArticleConsumerDefinitionTests
{
    [Fact]
    public void By_default_two_messages_per_core_are_in_hand()
    {
        var definition = new ExtractArticleConsumerDefinition(Options.Create(new ExtractConsumerOptions()));

        Assert.Equal(2 * Environment.ProcessorCount, definition.ConcurrentMessageLimit);
    }

    [Fact]
    public void A_configured_concurrency_wins()
    {
        var definition = new ExtractArticleConsumerDefinition(Options.Create(new ExtractConsumerOptions { Concurrency = 3 }));

        Assert.Equal(3, definition.ConcurrentMessageLimit);
    }
}
