namespace Pipeline.Benchmarking.Running;

/// <summary>
/// The broker the distributed set-ups use. <paramref name="Management"/> is known for a private node (its management
/// API listens on a free port); for a broker given with --rabbitmq the workers look at port 15672 on its host, as
/// `pipeline worker` does by default.
/// </summary>
internal sealed record BenchBroker(Uri Amqp, Uri? Management)
{
    /// <summary>The `pipeline worker` options that point a worker (and its queue-health sampler) at this broker.</summary>
    public string[] WorkerArguments() => Management is null
        ? ["--rabbitmq", Amqp.ToString()]
        : ["--rabbitmq", Amqp.ToString(), "--management", Management.ToString()];
}
