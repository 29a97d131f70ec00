using Microsoft.Extensions.Options;

namespace Pipeline.Host.Hosting;

/// <summary>Tells the user where to drop files, where data goes and where the HTTP endpoint listens.</summary>
internal sealed partial class StartupBanner(
    IConfiguration configuration,
    IOptions<PipelineOptions> pipeline,
    IHostApplicationLifetime lifetime,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => LogReady(
            configuration["Ingest:InboxFolder"] ?? "(no ingest in this process)",
            pipeline.Value.DataDirectory,
            pipeline.Value.Urls,
            pipeline.Value.Transport));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pipeline is running. Inbox: {Inbox}  Data: {DataDirectory}  HTTP: {Urls}  Transport: {Transport}")]
    private partial void LogReady(string inbox, string dataDirectory, string urls, string transport);
}
