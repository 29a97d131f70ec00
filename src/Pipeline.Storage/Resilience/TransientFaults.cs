using Microsoft.Data.Sqlite;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Pipeline.Storage.Resilience;

/// <summary>The retry around every database call: transient faults only, never bad data or bugs.</summary>
public static class TransientFaults
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection holds the write lock longer than the busy
    // timeout, e.g. several index workers sharing one file; the same statement succeeds once it is released.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static ResiliencePipeline CreatePipeline(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.RetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

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
