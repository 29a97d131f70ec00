using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pipeline.Storage.Resilience;

namespace Pipeline.Storage.Tests;

public sealed class TransientFaultsTests
{
    [Fact]
    public void A_busy_or_locked_SQLite_file_is_transient_but_a_constraint_or_syntax_error_is_not()
    {
        Assert.True(TransientFaults.IsTransient(new SqliteException("database is locked", 5)));
        Assert.True(TransientFaults.IsTransient(new SqliteException("table is locked", 6)));
        Assert.False(TransientFaults.IsTransient(new SqliteException("constraint failed", 19)));
        Assert.False(TransientFaults.IsTransient(new SqliteException("syntax error", 1)));
        Assert.False(TransientFaults.IsTransient(new InvalidOperationException()));
    }

    [Fact]
    public async Task A_refused_PostgreSQL_connection_is_retried_then_reported()
    {
        var options = new StorageOptions { RetryAttempts = 2, RetryDelay = TimeSpan.FromMilliseconds(1) };
        var pipeline = TransientFaults.CreatePipeline(options, NullLogger.Instance);
        var attempts = 0;

        // Port 1 on the loopback refuses connections at once: a real transient fault, no server needed.
        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await pipeline.ExecuteAsync(async token =>
        {
            attempts++;
            await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=1;Username=nobody;Pooling=false;Timeout=2");
            await connection.OpenAsync(token);
        }));

        Assert.Equal(3, attempts);
    }
}
