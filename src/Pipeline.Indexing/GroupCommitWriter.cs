using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Pipeline.Storage;
using Pipeline.Storage.Resilience;

namespace Pipeline.Indexing;

/// <summary>
/// Writes the documents that the index consumers hand in, many to a store batch: one batch is written at a time,
/// and the next takes every document that arrived meanwhile (up to <see cref="IndexConsumerOptions.BatchSize"/>).
/// </summary>
/// <remarks>
/// The batch adapts to the load, as a database's group commit does. An article arriving at an idle writer is
/// written at once, with no window to wait out (a short linger for company was tried and made no difference
/// measurable in the embedded bench). When writes slow down (an autovacuum, a checkpoint, a busy disk),
/// more articles gather behind the write in progress, so the next batch is larger and the stage keeps up.
/// MassTransit's time-limited batches did the opposite: each batch closed after its time limit whether or not it
/// could be written, so a write slower than that limit left batches of a few articles queued behind one another,
/// and the stage fell behind at a fraction of its capacity (a PostgreSQL ANALYZE held articles 450 ms that way).
/// </remarks>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly IArticleStore _store;
    private readonly int _batchSize;
    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writing;

    public GroupCommitWriter(IArticleStore store, IOptions<IndexConsumerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _batchSize = options.Value.BatchSize;
        _writing = Task.Run(WriteBatchesAsync);
    }

    /// <summary>Stores the document with the next batch; true when it was new to the store.</summary>
    /// <remarks>Cancelling only stops the wait: a document already handed over may still be written, which the store's idempotence makes harmless.</remarks>
    public Task<bool> WriteAsync(StoredDocument document, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(document);
        return _pending.Writer.TryWrite(write)
            ? write.Completion.Task.WaitAsync(cancellationToken)
            : Task.FromException<bool>(new ObjectDisposedException(nameof(GroupCommitWriter), "The index stage is shutting down; the article stays in its queue."));
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<PendingWrite>(_batchSize);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < _batchSize && _pending.Reader.TryRead(out var write))
                batch.Add(write);
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    /// <summary>
    /// Writes one batch and answers every document in it. A batch that fails for a reason other than a transient
    /// fault is written again one document at a time, so one bad document fails alone and the rest are stored.
    /// </summary>
    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        try
        {
            var outcomes = await _store.UpsertAsync([.. batch.Select(w => w.Document)], _stopping.Token);
            Answer(batch, outcomes);
        }
        catch (Exception e) when (batch.Count > 1 && !TransientFaults.IsTransient(e) && !_stopping.IsCancellationRequested)
        {
            foreach (var write in batch)
                await WriteBatchAsync([write]);
        }
        catch (Exception e)
        {
            // Not swallowed: each consumer rethrows it, and MassTransit's retry and error queue take over.
            foreach (var write in batch)
                write.Completion.TrySetException(e);
        }
    }

    /// <summary>
    /// The same content dropped twice under two names shares a document id and may land in one batch: it is
    /// created at most once, and only its first announcement says so.
    /// </summary>
    private static void Answer(List<PendingWrite> batch, IReadOnlyList<UpsertOutcome> outcomes)
    {
        var created = new Dictionary<Guid, bool>(outcomes.Count);
        foreach (var outcome in outcomes)
            created[outcome.DocumentId] = created.GetValueOrDefault(outcome.DocumentId) || outcome.Created;
        foreach (var write in batch)
        {
            var id = write.Document.DocumentId;
            write.Completion.TrySetResult(created.GetValueOrDefault(id));
            created[id] = false;
        }
    }

    /// <summary>
    /// Refuses new documents and cancels the write in progress. The container disposes the writer after the bus
    /// has stopped, so no consumer waits any more: what was not written was not acknowledged either and goes back
    /// to the queue, and a store that cannot finish a write (an outage) does not hold the worker's exit.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _writing;
        _stopping.Dispose();
    }

    private sealed class PendingWrite(StoredDocument document)
    {
        public StoredDocument Document { get; } = document;
        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
