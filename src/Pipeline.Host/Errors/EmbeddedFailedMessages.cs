namespace Pipeline.Host.Errors;

/// <summary>
/// The in-memory transport keeps no error queue a second process could read: a message that fails there
/// is logged with its exception by the process that ran it, and is gone when that process ends.
/// </summary>
public sealed class EmbeddedFailedMessages : IFailedMessages
{
    public const string Explanation =
        "Failed messages are kept in error queues only on RabbitMQ. In embedded mode (in-memory transport) " +
        "a failed message is written to the process log with its exception and cannot be listed or replayed.";

    public Task<FailedMessageReport> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new FailedMessageReport(false, Explanation, [], []));

    public Task<ReplayResult> ReplayAsync(string? stage, string? messageId, CancellationToken cancellationToken) =>
        Task.FromResult(new ReplayResult(false, Explanation, 0, 0));
}
