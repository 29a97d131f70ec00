using Polly;
using Polly.Retry;

namespace Pipeline.Benchmarking.Ceiling;

/// <summary>
/// Runs a relay again from the start when the broker broke it off. A relay half done cannot be resumed: its rate would
/// count messages from before the break. So the whole relay is the unit that is retried, on new queues and a new connection.
/// </summary>
internal static class BrokenRelayRetry
{
    public static ResiliencePipeline Build(RelayCeilingOptions options, PredicateBuilder<object> breaks, Action<Exception?, int, TimeSpan> onRetry) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = breaks,
                MaxRetryAttempts = options.RetryAttempts,
                Delay = options.RetryDelay,
                OnRetry = arguments =>
                {
                    onRetry(arguments.Outcome.Exception, arguments.AttemptNumber + 1, arguments.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
