using MassTransit.Testing;

namespace Pipeline.Testing.Messages;

/// <summary>
/// What a MassTransit test harness has recorded so far, read without waiting.
/// </summary>
/// <remarks>
/// The harness's synchronous <c>Select</c> returns the recorded messages and then waits for more until the bus has been
/// inactive for a while, holding the list's lock whenever it hands out an element. When the inactivity token fires
/// just as the wait wakes, the token's callback waits for that lock while <c>Select</c>, leaving, waits for the callback:
/// a deadlock, seen once as a test host hung for 15 minutes. Given a token that is already cancelled, <c>Select</c>
/// returns what is recorded and registers nothing. Wait for a message with <c>Any</c> or a poll, then read it here.
/// </remarks>
public static class HarnessRecords
{
    private static readonly CancellationToken DoNotWait = new(canceled: true);

    public static IReadOnlyList<IPublishedMessage<T>> SoFar<T>(this IPublishedMessageList published) where T : class =>
        published.Select<T>(DoNotWait).ToList();

    public static IReadOnlyList<IReceivedMessage<T>> SoFar<T>(this IReceivedMessageList consumed) where T : class =>
        consumed.Select<T>(DoNotWait).ToList();

    /// <summary>The messages of type <typeparamref name="T"/> published so far, in the order they were published.</summary>
    public static IReadOnlyList<T> MessagesSoFar<T>(this IPublishedMessageList published) where T : class =>
        published.SoFar<T>().Select(m => m.Context.Message).ToList();
}
