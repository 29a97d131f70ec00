using Serilog;
using Serilog.Formatting.Compact;

namespace Pipeline.Host.Hosting;

internal static class LoggingSetup
{
    private const string TextTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{DocumentIdSuffix}{NewLine}{Exception}";

    /// <summary>Serilog for every log line; compact JSON when <c>Pipeline:LogFormat</c> is "json".</summary>
    public static IServiceCollection AddPipelineLogging(this IServiceCollection services, IConfiguration configuration, PipelineOptions pipeline)
    {
        return services.AddSerilog(logger =>
        {
            logger.ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .Enrich.With<DocumentIdSuffixEnricher>();
            if (string.Equals(pipeline.LogFormat, "json", StringComparison.OrdinalIgnoreCase))
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            else
                logger.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        });
    }
}
