using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Pipeline.Monitoring;

/// <summary>The Polly pipeline around monitoring's HTTP calls: a timeout per attempt, two quick retries of transient failures.</summary>
public static class HttpResilience
{
    public static ResiliencePipeline Create(TimeSpan attemptTimeout) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(IsTransient).Handle<TimeoutRejectedException>(),
            })
            .AddTimeout(attemptTimeout)
            .Build();

    // An unreachable server or a server error may pass; a wrong password or URL will not.
    private static bool IsTransient(HttpRequestException e) =>
        e.StatusCode is null || (int)e.StatusCode >= 500 || e.StatusCode == HttpStatusCode.TooManyRequests;
}
