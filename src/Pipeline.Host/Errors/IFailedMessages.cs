namespace Pipeline.Host.Errors;

/// <summary>
/// Lists and replays the messages the stages gave up on. The CLI, the HTTP API and the dashboard all use
/// this one service.
/// </summary>
public interface IFailedMessages
{
    Task<FailedMessageReport> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends failed messages back to the queue they failed on. <paramref name="stage"/> and
    /// <paramref name="messageId"/> narrow the selection; null means all. Stages are idempotent, so a
    /// message replayed twice changes nothing twice.
    /// </summary>
    Task<ReplayResult> ReplayAsync(string? stage, string? messageId, CancellationToken cancellationToken);
}
