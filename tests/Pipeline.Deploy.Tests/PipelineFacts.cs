using Pipeline.Extraction.Messaging;
using Pipeline.Host.Hosting;
using Pipeline.Host.Messaging;
using Pipeline.Indexing;
using Pipeline.Ingest;
using Pipeline.Ingest.Finishing;

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
    };

    /// <summary>
    /// Storage has no options class yet (the command line maps these keys itself); add StorageOptions to
    /// <see cref="OptionsBySection"/> once it exists and drop this list.
    /// </summary>
    public static readonly IReadOnlySet<string> StorageKeys = new HashSet<string>(StringComparer.Ordinal) { "Provider", "ConnectionString" };

    public static TimeSpan DefaultShutdownTimeout => new PipelineOptions().ShutdownTimeout;
}
