using BenchmarkDotNet.Attributes;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Monitoring;

namespace Pipeline.Benchmarks.Monitoring;

/// <summary>
/// Throughput of the embedded pipeline's messaging (in-memory bus, three stages that do no work of their own)
/// with and without metrics collection: MassTransit's instrumentation, Pipeline's observers and meter, the
/// OpenTelemetry meter provider aggregating them, and the health sampler. Stages that do nothing are the worst
/// case: any real stage's own work makes the share of monitoring smaller.
/// </summary>
[MemoryDiagnoser]
public class MetricsOverheadBenchmarks : IDisposable
{
    private const int Documents = 2000;
    private IHost? _host;
    private IBus? _bus;
    private DocumentsFinished? _finished;
    private ArticleReceived[] _messages = [];

    [Params(false, true)]
    public bool Metrics { get; set; }

    [GlobalSetup]
    public async Task StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<DocumentsFinished>();
        if (Metrics) builder.Services.AddPipelineMonitoring(builder.Configuration);
        builder.Services.AddMassTransit(x =>
        {
            x.AddConsumer<ExtractStage>().Endpoint(e => e.Name = "pipeline-extract");
            x.AddConsumer<IndexStage>().Endpoint(e => e.Name = "pipeline-index");
            x.AddConsumer<IngestEnd>().Endpoint(e => e.Name = "pipeline-ingest");
            x.UsingInMemory((context, cfg) =>
            {
                if (Metrics) cfg.UseInstrumentation();
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
        _host = builder.Build();
        await _host.StartAsync();
        _bus = _host.Services.GetRequiredService<IBus>();
        _finished = _host.Services.GetRequiredService<DocumentsFinished>();
        _messages = Enumerable.Range(0, Documents).Select(Received).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Documents)]
    public async Task ThroughThreeStages()
    {
        var done = _finished!.Expect(Documents);
        foreach (var message in _messages) await _bus!.Publish(message);
        await done;
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        if (_host is null) return;
        await _host.StopAsync();
        _host.Dispose();
        _host = null;
    }

    public void Dispose()
    {
        _host?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static ArticleReceived Received(int i)
    {
        var source = new SourceFile($"doc-{i}.txt", new string('a', 64), MediaTypes.PlainText, 10);
        var now = DateTimeOffset.UtcNow;
        return new ArticleReceived
        {
            DocumentId = Guid.NewGuid(),
            CorrelationId = Guid.NewGuid(),
            Source = source,
            Content = "body"u8.ToArray(),
            DroppedAt = now,
            FileModifiedAt = now,
            Ingested = new StageVisit(Stages.Ingest, "bench", now, now),
        };
    }

    /// <summary>Completes when the expected number of documents reached the end of their way.</summary>
    public sealed class DocumentsFinished
    {
        private TaskCompletionSource _done = new();
        private int _remaining;

        public Task Expect(int count)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _remaining, count);
            return _done.Task;
        }

        public void One()
        {
            if (Interlocked.Decrement(ref _remaining) == 0) _done.TrySetResult();
        }
    }

    public sealed class ExtractStage : IConsumer<ArticleReceived>
    {
        public Task Consume(ConsumeContext<ArticleReceived> context) => context.Publish(new ArticleExtracted
        {
            DocumentId = context.Message.DocumentId,
            CorrelationId = context.Message.CorrelationId,
            Article = new Article { Source = context.Message.Source, Title = "t", Body = "b" },
            DroppedAt = context.Message.DroppedAt,
            Stages = [context.Message.Ingested],
        });
    }

    public sealed class IndexStage : IConsumer<ArticleExtracted>
    {
        public Task Consume(ConsumeContext<ArticleExtracted> context) => context.Publish(new ArticleIndexed
        {
            DocumentId = context.Message.DocumentId,
            CorrelationId = context.Message.CorrelationId,
            Source = context.Message.Article.Source,
            DroppedAt = context.Message.DroppedAt,
            Created = true,
            Stages = context.Message.Stages,
        });
    }

    public sealed class IngestEnd(DocumentsFinished finished) : IConsumer<ArticleIndexed>
    {
        public Task Consume(ConsumeContext<ArticleIndexed> context)
        {
            finished.One();
            return Task.CompletedTask;
        }
    }
}
