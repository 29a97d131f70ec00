using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Pipeline.Storage.Resilience;

/// <summary>The retry around every database call: transient faults only, never bad data or bugs.</summary>
public static partial class TransientFaults
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection holds the write lock longer than the busy
    // timeout, e.g. several index workers sharing one file; the same statement succeeds once it is released.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static ResiliencePipeline CreatePipeline(StorageOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.RetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = arguments =>
                {
                    LogRetry(logger, arguments.Outcome.Exception, arguments.AttemptNumber + 1, arguments.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient database fault; retry {RetryAttempt} in {RetryDelay}")]
    private static partial void LogRetry(ILogger logger, Exception? exception, int retryAttempt, TimeSpan retryDelay);

    public static bool IsTransient(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,

        // Npgsql sets IsTransient for lost or refused connections, timeouts, and server states that clear
        // by themselves: serialization failures and deadlocks (class 40), the server starting or shutting
        // down (57P0x), too many connections (53300). Constraint and syntax errors are never transient.
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };
}
