using Microsoft.Extensions.Options;

namespace Pipeline.Host.Hosting;

/// <summary>
/// Trims malloc's arenas every <see cref="PipelineOptions.NativeHeapTrimInterval"/> (see <see cref="NativeHeap.TryTrim"/>).
/// Pages freed since the last round are handed back; what is reused in between comes back at first touch.
/// </summary>
internal sealed class NativeHeapTrimming(IOptions<PipelineOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.NativeHeapTrimInterval;
        if (interval == TimeSpan.Zero || !NativeHeap.TryTrim(out _))
            return;
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            NativeHeap.TryTrim(out _);
    }
}
