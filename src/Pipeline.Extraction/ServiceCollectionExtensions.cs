using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Extraction.WarmUp;
using Pipeline.Ner;

namespace Pipeline.Extraction;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IArticleExtractor"/> as a singleton with <see cref="ExtractionOptions"/> bound from the
    /// <c>Extraction</c> section. An <see cref="IEntityTagger"/> registered elsewhere is used when present. In a host,
    /// the extractor is warmed up at start (<see cref="ExtractionOptions.WarmUpAtStart"/>); register extraction before
    /// the bus so that happens before the first message is taken.
    /// </summary>
    public static IServiceCollection AddExtraction(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ExtractionOptions>()
            .Bind(configuration.GetSection(ExtractionOptions.SectionName))
            .Validate(o => o.MaxInputBytes > 0, "Extraction:MaxInputBytes must be positive.")
            .Validate(o => o.HtmlTimeBudget > TimeSpan.Zero, "Extraction:HtmlTimeBudget must be positive.");
        services.AddSingleton<IArticleExtractor>(sp => new ArticleExtractor(
            sp.GetRequiredService<IOptions<ExtractionOptions>>().Value,
            sp.GetService<IEntityTagger>()));
        services.AddHostedService<ExtractionWarmUpService>();
        return services;
    }
}
