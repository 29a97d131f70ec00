using MassTransit;
using Microsoft.Extensions.Options;

namespace Pipeline.Monitoring.InProcess;

/// <summary>Counts the stage endpoints consuming in this process: the in-process counterpart of the broker's consumer count.</summary>
public sealed class StageEndpointObserver(StageActivity activity, IOptions<MonitoringOptions> options) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready)
    {
        Counters(ready.InputAddress)?.SetEndpointReady(true);
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping)
    {
        Counters(stopping.InputAddress)?.SetEndpointReady(false);
        return Task.CompletedTask;
    }

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        Counters(faulted.InputAddress)?.SetEndpointReady(false);
        return Task.CompletedTask;
    }

    private StageCounters? Counters(Uri inputAddress)
    {
        var queue = inputAddress.AbsolutePath.TrimEnd('/');
        queue = queue[(queue.LastIndexOf('/') + 1)..];
        foreach (var (stage, stageQueue) in options.Value.Queues)
        {
            if (string.Equals(stageQueue, queue, StringComparison.Ordinal)) return activity.For(stage);
        }
        return null;
    }
}
