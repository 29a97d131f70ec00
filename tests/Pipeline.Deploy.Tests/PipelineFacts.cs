using Pipeline.Extraction.Messaging;
using Pipeline.Host.Hosting;
using Pipeline.Host.Messaging;
using Pipeline.Indexing;
using Pipeline.Ingest;
using Pipeline.Ingest.Finishing;
using Pipeline.Storage;

namespace Pipeline.Deploy.Tests;

/// <summary>What the deployment files must agree with, taken from the code itself rather than restated.</summary>
internal static class PipelineFacts
{
    public static readonly IReadOnlyDictionary<string, string> QueueByStage = new Dictionary<string, string>
    {
        ["ingest"] = IngestEndpoint.QueueName,
        ["extract"] = ExtractArticleConsumerDefinition.QueueName,
        ["index"] = IndexArticlesConsumerDefinition.QueueName,
    };

    public static IReadOnlyList<string> Stages => [.. QueueByStage.Keys];

    /// <summary>Options classes by configuration section; a key Section__Name must name one of their properties.</summary>
    public static readonly IReadOnlyDictionary<string, Type> OptionsBySection = new Dictionary<string, Type>
    {
        [PipelineOptions.SectionName] = typeof(PipelineOptions),
        [RabbitMqOptions.SectionName] = typeof(RabbitMqOptions),
        [IngestOptions.SectionName] = typeof(IngestOptions),
        [ExtractConsumerOptions.SectionName] = typeof(ExtractConsumerOptions),
        [IndexConsumerOptions.SectionName] = typeof(IndexConsumerOptions),
        [StorageOptions.SectionName] = typeof(StorageOptions),
    };

    public static TimeSpan DefaultShutdownTimeout => new PipelineOptions().ShutdownTimeout;
}
