namespace Pipeline.Host.Errors;

/// <summary>One message parked in a stage's <c>_error</c> queue, described from its headers.</summary>
public sealed record FailedMessage(
    string Id,
    string Stage,
    string ErrorQueue,
    string ExceptionType,
    string ExceptionMessage,
    DateTimeOffset? FailedAt,
    int? RetryCount,
    string Reason);

/// <summary>Failed messages of one stage that failed with the same exception type.</summary>
public sealed record FailedMessageGroup(string Stage, string ExceptionType, int Count, string ExampleMessage, IReadOnlyList<string> MessageIds);

/// <summary>
/// What <c>errors list</c> shows. <see cref="Supported"/> is false in embedded mode, where failed messages
/// exist only in the process log; <see cref="Note"/> says so in words.
/// </summary>
public sealed record FailedMessageReport(bool Supported, string? Note, IReadOnlyList<FailedMessageGroup> Groups, IReadOnlyList<FailedMessage> Messages)
{
    public int Total => Messages.Count;
}

/// <summary>How many messages a replay sent back to their stage queue, and how many stayed parked.</summary>
public sealed record ReplayResult(bool Supported, string? Note, int Replayed, int Remaining);
