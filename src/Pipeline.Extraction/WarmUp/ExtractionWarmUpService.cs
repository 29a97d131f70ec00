using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.Extraction.WarmUp;

/// <summary>
/// Warms the extractor up when a host starts, before the bus (registered after extraction) takes the first message.
/// Off with <c>Extraction:WarmUpAtStart = false</c>.
/// </summary>
internal sealed partial class ExtractionWarmUpService(
    IArticleExtractor extractor,
    IOptions<ExtractionOptions> options,
    ILogger<ExtractionWarmUpService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WarmUpAtStart)
            return;
        var elapsed = await Task.Run(() => ExtractionWarmUp.Run(extractor), cancellationToken);
        LogWarmedUp(elapsed.TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Extraction warmed up in {WarmUpMs:F0} ms")]
    private partial void LogWarmedUp(double warmUpMs);
}
