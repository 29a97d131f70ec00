namespace Pipeline.Monitoring.InProcess;

/// <summary>
/// What this process saw of one stage since it started. Updated with interlocked operations from the consume
/// and publish observers (hot path), read by the sampler every few seconds.
/// </summary>
public sealed class StageCounters
{
    private long _published;
    private long _started;
    private long _succeeded;
    private long _faulted;
    private long _retried;
    private long _processingTicks;
    private int _endpoints;

    public void Published() => Interlocked.Increment(ref _published);

    public void Started() => Interlocked.Increment(ref _started);

    public void Retried(long count) => Interlocked.Add(ref _retried, count);

    public void Succeeded(TimeSpan duration)
    {
        Interlocked.Increment(ref _succeeded);
        Interlocked.Add(ref _processingTicks, duration.Ticks);
    }

    public void Faulted(TimeSpan duration)
    {
        Interlocked.Increment(ref _faulted);
        Interlocked.Add(ref _processingTicks, duration.Ticks);
    }

    /// <summary>One endpoint per stage per process: ready is idempotent, so a reconnect does not count twice.</summary>
    public void SetEndpointReady(bool ready) => Volatile.Write(ref _endpoints, ready ? 1 : 0);

    public StageCountersSnapshot Read() => new(
        Interlocked.Read(ref _published),
        Interlocked.Read(ref _started),
        Interlocked.Read(ref _succeeded),
        Interlocked.Read(ref _faulted),
        Interlocked.Read(ref _retried),
        TimeSpan.FromTicks(Interlocked.Read(ref _processingTicks)),
        Volatile.Read(ref _endpoints));
}

/// <param name="Started">Messages taken from the queue (a consumer's in-process retries are not new deliveries).</param>
/// <param name="Faulted">Messages whose handling failed after any retries: moved to the error queue.</param>
/// <param name="Retried">In-process retries, from MassTransit's meter.</param>
public readonly record struct StageCountersSnapshot(
    long Published,
    long Started,
    long Succeeded,
    long Faulted,
    long Retried,
    TimeSpan ProcessingTime,
    int Endpoints)
{
    /// <summary>Messages taken but not finished yet (held unacknowledged).</summary>
    public long InFlight => Math.Max(0, Started - Succeeded - Faulted);

    /// <summary>Messages published to the stage and not taken yet.</summary>
    public long Waiting => Math.Max(0, Published - Started);

    public double? MeanProcessingTimeMs =>
        Succeeded + Faulted == 0 ? null : ProcessingTime.TotalMilliseconds / (Succeeded + Faulted);
}
