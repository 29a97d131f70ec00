using Pipeline.Extraction;
using Pipeline.Ner;

namespace Pipeline.Host.Hosting;

internal static class ExtractionSetup
{
    /// <summary>The extractor with the trained entity tagger: the same for extract workers and <c>pipeline extract</c>.</summary>
    public static IServiceCollection AddExtractionWithTagger(this IServiceCollection services, IConfiguration configuration) =>
        services.AddEntityTagger(configuration).AddExtraction(configuration);
}
