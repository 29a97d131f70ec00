using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pipeline.Benchmarking.Running;

namespace Pipeline.Benchmarking;

public static class BenchServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BenchRunner"/> with <see cref="BenchOptions"/> from the <c>Bench</c> section. The
    /// pipeline processes it starts are copies of this process's executable unless a
    /// <see cref="PipelineExecutable"/> is registered before.
    /// </summary>
    public static IServiceCollection AddPipelineBench(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BenchOptions>()
            .Bind(configuration.GetSection(BenchOptions.SectionName))
            .Validate(o => o.Count is null or > 0 && o.QuickCount > 0 && o.FullCount > 0, "Bench counts must be positive.")
            .Validate(o => o.WarmupCount > 0, "Bench:WarmupCount must be positive.")
            .Validate(o => o.SlowestRate > 0, "Bench:SlowestRate must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => PipelineExecutable.OfCurrentProcess());
        services.AddSingleton<BenchRunner>();
        services.AddOptions<Scaling.ScalingOptions>()
            .Bind(configuration.GetSection(Scaling.ScalingOptions.SectionName))
            .Validate(o => o.Workers is null || o.Workers.TrueForAll(w => w > 0), "Bench:Scaling:Workers must list positive worker counts.")
            .Validate(o => o.Pages > 0 && o.QuickPages > 0 && o.WarmupPagesPerWorker >= 0 && o.ProcessorsPerWorker >= 0, "Bench:Scaling page and processor counts must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<Scaling.ScalingBench>();
        return services;
    }
}
