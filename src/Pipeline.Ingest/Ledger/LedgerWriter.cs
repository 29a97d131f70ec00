using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Pipeline.Ingest.Ledger;

/// <summary>
/// The ledger's one writer, with group commit: writes asked for at the same time share one transaction and one
/// fsync. Ingest writes each file four times, from several claims and outcome consumers at once; as separate
/// writers they fought over SQLite's single write lock (the provider answers a busy database by sleeping
/// 150 ms) and each synced claim paid its own fsync, which held the ledger near 150 files/s here.
/// </summary>
internal sealed class LedgerWriter : IAsyncDisposable
{
    /// <summary>How many writes one transaction takes at most; enough to amortise an fsync, small enough to keep latency low.</summary>
    private const int MaxBatch = 64;

    private readonly string _connectionString;
    private readonly Channel<LedgerWrite> _queue = Channel.CreateUnbounded<LedgerWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public LedgerWriter(string connectionString)
    {
        _connectionString = connectionString;
        _loop = Task.Run(RunAsync);
    }

    /// <param name="synced">
    /// True: the commit is on disk before the task completes (synchronous=FULL). False (synchronous=NORMAL, in WAL
    /// mode): safe against a process crash, but a power cut may lose the last commits until the next synced one.
    /// That costs nothing here: a lost state change only means one extra publish at start (the store is
    /// idempotent) or a ledger still saying "published" for a file already archived.
    /// </param>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, bool synced, CancellationToken cancellationToken)
    {
        var write = new LedgerWrite<T>(work, synced, cancellationToken);
        if (!_queue.Writer.TryWrite(write))
            throw new ObjectDisposedException(nameof(IngestLedger), "The ledger is closed: the ingest stage is stopping.");
        return write.Result;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<LedgerWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                if (write.CancellationToken.IsCancellationRequested) write.Cancel();
                else batch.Add(write);
            }
            if (batch.Count == 0) continue;

            try
            {
                await CommitAsync(batch);
                foreach (var write in batch) write.Complete();
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One bad write must not fail the others that shared its transaction: each goes again on its own
                // and reports its own outcome.
                foreach (var write in batch) await CommitAloneAsync(write);
            }
            catch (Exception e)
            {
                batch[0].Fail(e);
            }
        }
    }

    private async Task CommitAloneAsync(LedgerWrite write)
    {
        try
        {
            await CommitAsync([write]);
            write.Complete();
        }
        catch (Exception e)
        {
            write.Fail(e);
        }
    }

    private async Task CommitAsync(IReadOnlyList<LedgerWrite> writes)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // Pooled connections keep their pragmas, so every batch says which one it wants. A synced commit also
            // makes every NORMAL commit before it durable.
            var synced = writes.Any(w => w.Synced);
            var busyTimeoutMs = connection.DefaultTimeout * 1000;
            pragma.CommandText = $"PRAGMA synchronous = {(synced ? "FULL" : "NORMAL")}; PRAGMA busy_timeout = {busyTimeoutMs}";
            await pragma.ExecuteNonQueryAsync();
        }

        // BEGIN IMMEDIATE (the provider's default): the write lock is taken at once, so a replica sharing the file
        // waits in SQLite's busy handler (busy_timeout, the connection's Default Timeout) instead of failing halfway.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        foreach (var write in writes)
            await write.RunAsync(connection);
        await transaction.CommitAsync();
    }

    private abstract class LedgerWrite(bool synced, CancellationToken cancellationToken)
    {
        public bool Synced { get; } = synced;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public abstract Task RunAsync(SqliteConnection connection);
        public abstract void Complete();
        public abstract void Fail(Exception error);
        public abstract void Cancel();
    }

    private sealed class LedgerWrite<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, bool synced, CancellationToken cancellationToken)
        : LedgerWrite(synced, cancellationToken)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _done.Task;

        // The write runs once the writer takes it; the caller's token only stops it from starting.
        public override async Task RunAsync(SqliteConnection connection) => _value = await work(connection, CancellationToken.None);
        public override void Complete() => _done.TrySetResult(_value!);
        public override void Fail(Exception error) => _done.TrySetException(error);
        public override void Cancel() => _done.TrySetCanceled(CancellationToken);
    }
}
