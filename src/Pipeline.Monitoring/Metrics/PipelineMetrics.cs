using System.Diagnostics;
using System.Diagnostics.Metrics;
using Pipeline.Monitoring.Health;

namespace Pipeline.Monitoring.Metrics;

/// <summary>
/// Pipeline's own meter, beside MassTransit's: documents per stage, stage durations, end-to-end latency,
/// quarantined files, and queue depth gauges read from the latest health sample.
/// </summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "Pipeline";

    private readonly Counter<long> _documents;
    private readonly Histogram<double> _stageDuration;
    private readonly Histogram<double> _endToEnd;
    private readonly Counter<long> _quarantined;
    private volatile PipelineSample? _latest;

    public PipelineMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _documents = meter.CreateCounter<long>("pipeline.documents", "{document}", "Documents handled per stage and outcome.");
        _stageDuration = meter.CreateHistogram<double>("pipeline.stage.duration", "s", "Time a stage spent on one document.");
        _endToEnd = meter.CreateHistogram<double>("pipeline.end_to_end.latency", "s", "From the file's first sighting in the inbox to searchable.");
        _quarantined = meter.CreateCounter<long>("pipeline.quarantined", "{file}", "Files rejected for good, by the stage that rejected them.");
        meter.CreateObservableGauge("pipeline.queue.messages", ObserveQueues, "{message}", "Messages per stage queue: ready, unacked, error.");
        meter.CreateObservableGauge("pipeline.queue.consumers", ObserveConsumers, "{consumer}", "Consumers connected per stage queue.");
    }

    public void StageHandled(string stage, TimeSpan duration, bool succeeded)
    {
        var stageTag = new KeyValuePair<string, object?>("stage", stage);
        _documents.Add(1, stageTag, new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "failed"));
        _stageDuration.Record(duration.TotalSeconds, stageTag);
    }

    public void DocumentCompleted(TimeSpan endToEnd) => _endToEnd.Record(endToEnd.TotalSeconds);

    public void FileQuarantined(string rejectingStage) =>
        _quarantined.Add(1, new KeyValuePair<string, object?>("stage", rejectingStage));

    /// <summary>The gauges report this sample until the next one arrives.</summary>
    public void Observe(PipelineSample sample) => _latest = sample;

    private IEnumerable<Measurement<long>> ObserveQueues()
    {
        if (_latest is not { } sample) yield break;
        foreach (var s in sample.Stages)
        {
            yield return new Measurement<long>(s.Ready, Tags(s, "ready"));
            yield return new Measurement<long>(s.Unacked, Tags(s, "unacked"));
            yield return new Measurement<long>(s.Errors, Tags(s, "error"));
        }
    }

    private IEnumerable<Measurement<long>> ObserveConsumers()
    {
        if (_latest is not { } sample) yield break;
        foreach (var s in sample.Stages)
            yield return new Measurement<long>(s.Consumers, new TagList { { "stage", s.Stage }, { "queue", s.Queue } });
    }

    private static TagList Tags(StageSample s, string state) => new() { { "stage", s.Stage }, { "queue", s.Queue }, { "state", state } };
}
