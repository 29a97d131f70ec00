namespace Pipeline.Monitoring.Health;

/// <summary>The samples of the last <see cref="MonitoringOptions.History"/>, in a fixed ring: memory stays flat however long the host runs.</summary>
public sealed class SampleHistory
{
    private readonly PipelineSample?[] _ring;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public SampleHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new PipelineSample?[capacity];
    }

    public static SampleHistory For(MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var capacity = (int)Math.Ceiling(options.History / options.SampleInterval) + 1;
        return new SampleHistory(Math.Max(capacity, 2));
    }

    public void Add(PipelineSample sample)
    {
        lock (_lock)
        {
            _ring[_next] = sample;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }
    }

    /// <summary>A copy, oldest first.</summary>
    public IReadOnlyList<PipelineSample> Snapshot()
    {
        lock (_lock)
        {
            var copy = new PipelineSample[_count];
            var start = (_next - _count + _ring.Length) % _ring.Length;
            for (var i = 0; i < _count; i++) copy[i] = _ring[(start + i) % _ring.Length]!;
            return copy;
        }
    }
}
