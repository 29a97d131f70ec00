namespace Pipeline.Monitoring.Tests.Embedded;

/// <summary>
/// One embedded pipeline for every test that runs one. MassTransit configures its meter once per process and
/// ties it to the first bus's service provider, so a second host in the same test process would see no
/// MassTransit metrics (and no retry counts). Tests share this host and assert on changes, not totals.
/// </summary>
public sealed class EmbeddedPipelineFixture : IAsyncLifetime
{
    public const string CollectionName = "Embedded pipeline";

    private MonitoredPipelineHost? _host;

    /// <summary>Ingest's data folder: monitoring counts files in its inbox/ and quarantine/ subfolders.</summary>
    public DirectoryInfo IngestFolder { get; } = Directory.CreateTempSubdirectory("pipeline-monitoring-ingest-");

    public MonitoredPipelineHost Host => _host ?? throw new InvalidOperationException("The pipeline has not started yet.");

    public async Task InitializeAsync() =>
        // Sampled by hand: each test takes the samples it reasons about.
        _host = await MonitoredPipelineHost.StartAsync(TimeSpan.FromHours(1), extractRetries: 2, ingestFolder: IngestFolder.FullName);

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        IngestFolder.Delete(recursive: true);
    }
}

[CollectionDefinition(EmbeddedPipelineFixture.CollectionName)]
public sealed class EmbeddedPipelineCollectionDefinition : ICollectionFixture<EmbeddedPipelineFixture>;
