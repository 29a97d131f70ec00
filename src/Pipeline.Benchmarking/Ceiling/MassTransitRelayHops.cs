using MassTransit;

namespace Pipeline.Benchmarking.Ceiling;

// The MassTransit relay's messages and consumers: one message type per hop, as the pipeline has one per stage.

/// <summary>Counts the bodies that reached the last queue; completes when all have.</summary>
internal sealed class RelayArrivals(int expected)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public Task All => _all.Task;

    public void Arrived()
    {
        if (Interlocked.Increment(ref _arrived) == expected) _all.TrySetResult();
    }
}

/// <summary>A body the bench published into the MassTransit relay.</summary>
public sealed record RelayBodyPublished(string Text);

/// <summary>The body, handed on by the relay's first consumer.</summary>
public sealed record RelayBodyForwarded(string Text);

/// <summary>The body, handed on by the relay's second consumer.</summary>
public sealed record RelayBodyForwardedAgain(string Text);

internal sealed class FirstHopConsumer : IConsumer<RelayBodyPublished>
{
    public Task Consume(ConsumeContext<RelayBodyPublished> context) => context.Publish(new RelayBodyForwarded(context.Message.Text));
}

internal sealed class SecondHopConsumer : IConsumer<RelayBodyForwarded>
{
    public Task Consume(ConsumeContext<RelayBodyForwarded> context) => context.Publish(new RelayBodyForwardedAgain(context.Message.Text));
}

internal sealed class LastHopConsumer(RelayArrivals arrivals) : IConsumer<RelayBodyForwardedAgain>
{
    public Task Consume(ConsumeContext<RelayBodyForwardedAgain> context)
    {
        arrivals.Arrived();
        return Task.CompletedTask;
    }
}
