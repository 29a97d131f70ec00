using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// Moves the GIN indexes' pending lists into the indexes on a connection of its own once enough documents were
/// written, so the merge runs on a second server process beside the writer instead of inside the writer's inserts.
/// </summary>
/// <remarks>
/// A GIN index with fastupdate collects new entries in a pending list and merges them into the index once the
/// list outgrows gin_pending_list_limit, in whichever insert crosses the limit. For 5 KB articles that merge
/// was 58% of the writing server process's CPU, and it stalled the batch that triggered it. While this cleaner
/// merges, the server lets inserts skip their own merge, so the writer keeps writing; the limit (raised by a
/// migration) only matters when the cleaner falls behind. Searches read the pending list page by page, so a
/// short list keeps them fast too. Merging is cheaper per document in bulk (a frequent word's posting list is
/// rewritten once per merge), so the cleaner waits for <c>Storage:PostgresIndexMergeDocuments</c> new documents, about
/// what PostgreSQL's default 4 MB limit holds; fewer stay pending, as they would by default.
/// The function needs the index's owner (the role that ran the migrations). Under another role the first
/// attempt logs why and the cleaner stops; inserts then merge the lists themselves, as PostgreSQL does by default.
/// </remarks>
internal sealed partial class GinPendingListCleaner(NpgsqlDataSource dataSource, ResiliencePipeline resilience, int mergeDocuments, ILogger logger) : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Indexes = ["documents_search", "documents_source_keys", "documents_entity_keys"];

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;
    private bool _running;
    private bool _again;
    private volatile bool _disabled;
    private int _unmerged;

    /// <summary>Counts newly written documents; every <c>mergeDocuments</c> of them asks for a merge.</summary>
    public void Written(int created)
    {
        if (created > 0 && Interlocked.Add(ref _unmerged, created) >= mergeDocuments)
            Nudge();
    }

    /// <summary>Merges whatever is pending now, however little, and completes when that and any running merge are done.</summary>
    public Task MergeNowAsync()
    {
        Nudge();
        return IdleAsync();
    }

    /// <summary>Asks for a merge: starts one, or one more after the running one (never two at once).</summary>
    private void Nudge()
    {
        if (_disabled || _stopping.IsCancellationRequested)
            return;
        lock (_gate)
        {
            Volatile.Write(ref _unmerged, 0);
            if (_running)
            {
                _again = true;
                return;
            }

            _running = true;
            _run = Task.Run(RunAsync);
        }
    }

    /// <summary>Completes once no merge is running or asked for.</summary>
    public async Task IdleAsync()
    {
        while (true)
        {
            Task run;
            lock (_gate)
            {
                if (!_running)
                    return;
                run = _run;
            }

            await run;
        }
    }

    private async Task RunAsync()
    {
        var stopped = false;
        try
        {
            do
            {
                await CleanOnceAsync();
            }
            while (!(stopped = StopUnlessAskedAgain()));
        }
        finally
        {
            // Only an unexpected exception gets here without having stopped; let a later nudge start afresh.
            if (!stopped)
            {
                lock (_gate)
                    _running = false;
            }
        }
    }

    /// <summary>Decides under the lock, so a nudge either lands before the decision or starts a new run.</summary>
    private bool StopUnlessAskedAgain()
    {
        lock (_gate)
        {
            var again = _again && !_disabled && !_stopping.IsCancellationRequested;
            _again = false;
            _running = again;
            return !again;
        }
    }

    private async Task CleanOnceAsync()
    {
        try
        {
            await resilience.ExecuteAsync(CleanAsync, _stopping.Token);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            _disabled = true;
            LogNotOwner(logger, e.MessageText);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed mid-cleanup: what was merged stays merged, the rest stays pending.
        }
        catch (NpgsqlException e)
        {
            // Nothing is lost: the entries stay pending for the next merge, and inserts merge past the limit.
            LogFailed(logger, e);
        }
    }

    private async ValueTask CleanAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var index in Indexes)
        {
            await using var command = new NpgsqlCommand("SELECT gin_clean_pending_list(@index::regclass)", connection);
            command.Parameters.AddWithValue("index", index);
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _run;
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot clean the full-text index's pending list ({Reason}): this role does not own the indexes, so inserts will merge the list themselves, which slows writing")]
    private static partial void LogNotOwner(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Merging the GIN pending lists failed; the next merge tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
