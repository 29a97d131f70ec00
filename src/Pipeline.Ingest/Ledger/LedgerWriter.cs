using System.Threading.Channels;

namespace Pipeline.Ingest.Ledger;

/// <summary>
/// The ledger's one writer, with group commit: writes asked for at the same time share one transaction and one
/// fsync. Ingest writes each file three times (claiming, published, outcome), from several claims and outcome
/// consumers at once; as separate writers they fought over SQLite's single write lock (the provider answers a busy database by sleeping
/// 150 ms) and each synced claim paid its own fsync, which held the ledger near 150 files/s here.
/// </summary>
internal sealed class LedgerWriter : IAsyncDisposable
{
    /// <summary>How many writes one transaction takes at most; enough to amortise an fsync, small enough to keep latency low.</summary>
    private const int MaxBatch = 64;

    private readonly string _connectionString;
    private readonly Channel<LedgerWrite> _queue = Channel.CreateUnbounded<LedgerWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private LedgerSession? _session;

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
    public Task<T> WriteAsync<T>(Func<LedgerSession, CancellationToken, Task<T>> work, bool synced, CancellationToken cancellationToken)
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
        if (_session is not null)
            await _session.DisposeAsync();
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
        _session ??= await LedgerSession.OpenAsync(_connectionString);
        try
        {
            // A synced commit also makes every NORMAL commit before it durable.
            await _session.BeginAsync(synced: writes.Any(w => w.Synced));
            foreach (var write in writes)
                await write.RunAsync(_session);
            await _session.CommitAsync();
        }
        catch
        {
            // Whatever failed (a full disk, a busy replica), the next batch starts from a fresh connection rather
            // than one left inside a transaction that may or may not have rolled back.
            await _session.DisposeAsync();
            _session = null;
            throw;
        }
    }

    private abstract class LedgerWrite(bool synced, CancellationToken cancellationToken)
    {
        public bool Synced { get; } = synced;
        public CancellationToken CancellationToken { get; } = cancellationToken;
        public abstract Task RunAsync(LedgerSession session);
        public abstract void Complete();
        public abstract void Fail(Exception error);
        public abstract void Cancel();
    }

    private sealed class LedgerWrite<T>(Func<LedgerSession, CancellationToken, Task<T>> work, bool synced, CancellationToken cancellationToken)
        : LedgerWrite(synced, cancellationToken)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _done.Task;

        // The write runs once the writer takes it; the caller's token only stops it from starting.
        public override async Task RunAsync(LedgerSession session) => _value = await work(session, CancellationToken.None);
        public override void Complete() => _done.TrySetResult(_value!);
        public override void Fail(Exception error) => _done.TrySetException(error);
        public override void Cancel() => _done.TrySetCanceled(CancellationToken);
    }
}
