using System.Diagnostics;
using MassTransit;

namespace Pipeline.Benchmarking.Ceiling;

// The MassTransit relay's messages and consumers: one message type per hop, as the pipeline has one per stage.

/// <summary>
/// Counts the distinct bodies that reached the last queue and completes when all have; or fails at once when the
/// relay broke (<see cref="Break"/>), since a message lost or redelivered then would end or skew the count.
/// </summary>
internal sealed class RelayArrivals(int expected)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int[] _seen = new int[expected];
    private int _arrived;
    private long _lastArrival = Stopwatch.GetTimestamp();

    public Task All => _all.Task;

    /// <summary>Time since a body last reached the last queue (or since counting began).</summary>
    public TimeSpan SinceLastArrival => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastArrival));

    public void Arrived(int index)
    {
        Interlocked.Exchange(ref _lastArrival, Stopwatch.GetTimestamp());
        if (Interlocked.Exchange(ref _seen[index], 1) == 0 && Interlocked.Increment(ref _arrived) == expected)
            _all.TrySetResult();
    }

    public void Break(string what) => _all.TrySetException(new RelayBrokenException(what));
}

/// <summary>
/// Breaks the run off when the broker closed the relay's connection or a channel, which MassTransit then reopens by
/// itself: a message is delivered again (it was in flight when the connection closed), a consumer fails (its publish
/// did not go through; the message is discarded and would never arrive) or an endpoint faults.
/// </summary>
internal sealed class RelayBreakObserver(RelayArrivals arrivals) : IReceiveEndpointObserver, IConsumeObserver
{
    public Task Ready(ReceiveEndpointReady ready) => Task.CompletedTask;

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        arrivals.Break($"the endpoint {faulted.InputAddress} faulted: {faulted.Exception?.Message}");
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.ReceiveContext.Redelivered)
            arrivals.Break($"a {typeof(T).Name} was delivered again");
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        arrivals.Break($"a consumer of {typeof(T).Name} failed: {exception.Message}");
        return Task.CompletedTask;
    }
}

/// <summary>A body the bench published into the MassTransit relay.</summary>
public sealed record RelayBodyPublished(int Index, string Text);

/// <summary>The body, handed on by the relay's first consumer.</summary>
public sealed record RelayBodyForwarded(int Index, string Text);

/// <summary>The body, handed on by the relay's second consumer.</summary>
public sealed record RelayBodyForwardedAgain(int Index, string Text);

internal sealed class FirstHopConsumer : IConsumer<RelayBodyPublished>
{
    public Task Consume(ConsumeContext<RelayBodyPublished> context) => context.Publish(new RelayBodyForwarded(context.Message.Index, context.Message.Text));
}

internal sealed class SecondHopConsumer : IConsumer<RelayBodyForwarded>
{
    public Task Consume(ConsumeContext<RelayBodyForwarded> context) => context.Publish(new RelayBodyForwardedAgain(context.Message.Index, context.Message.Text));
}

internal sealed class LastHopConsumer(RelayArrivals arrivals) : IConsumer<RelayBodyForwardedAgain>
{
    public Task Consume(ConsumeContext<RelayBodyForwardedAgain> context)
    {
        arrivals.Arrived(context.Message.Index);
        return Task.CompletedTask;
    }
}
