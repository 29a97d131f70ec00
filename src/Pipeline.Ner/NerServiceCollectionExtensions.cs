using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Ner.Model;

namespace Pipeline.Ner;

public static class NerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEntityTagger"/> as a singleton <see cref="PerceptronTagger"/>. The model is read
    /// once per process, on first use: from Ner:ModelPath when set, otherwise the model shipped in the assembly.
    /// </summary>
    public static IServiceCollection AddEntityTagger(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NerOptions>().Bind(configuration.GetSection(NerOptions.SectionName));
        services.AddSingleton(provider =>
        {
            var path = provider.GetRequiredService<IOptions<NerOptions>>().Value.ModelPath;
            return string.IsNullOrWhiteSpace(path) ? NerModel.LoadShipped() : NerModel.Load(path);
        });
        services.AddSingleton<PerceptronTagger>();
        services.AddSingleton<IEntityTagger>(provider => provider.GetRequiredService<PerceptronTagger>());
        return services;
    }
}
