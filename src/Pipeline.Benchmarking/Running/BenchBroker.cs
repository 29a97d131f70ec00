using Pipeline.Benchmarking.Measuring;

namespace Pipeline.Benchmarking.Running;

/// <summary>
/// The broker the distributed set-ups use. <paramref name="Management"/> and <paramref name="ProcessId"/> are known
/// for a private node (its management API listens on a free port; its Erlang VM runs on this machine); for a broker
/// given with --rabbitmq the workers look at port 15672 on its host, as `pipeline worker` does by default, and the
/// broker's own CPU time is not measured.
/// </summary>
internal sealed record BenchBroker(Uri Amqp, Uri? Management, int? ProcessId)
{
    /// <summary>The `pipeline worker` options that point a worker (and its queue-health sampler) at this broker.</summary>
    public string[] WorkerArguments() => Management is null
        ? ["--rabbitmq", Amqp.ToString()]
        : ["--rabbitmq", Amqp.ToString(), "--management", Management.ToString()];

    /// <summary>The broker's CPU time so far (user and system), or null when it does not run here.</summary>
    public TimeSpan? CpuTime() => ProcessId is { } pid ? ProcessStats.Read(pid).CpuTime : null;

    /// <summary>CPU milliseconds the broker spent per item between two <see cref="CpuTime"/> readings.</summary>
    public static double? MillisecondsPer(TimeSpan? before, TimeSpan? after, int items) =>
        before is { } from && after is { } to && items > 0 ? Math.Round((to - from).TotalMilliseconds / items, 3) : null;
}
