using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Ingest.Claiming;

namespace Pipeline.Ingest.Ledger;

/// <summary>
/// Keeps the ledger from growing for ever: every <see cref="IngestOptions.LedgerPruneInterval"/>, starting at
/// start-up, removes the claims finished longer ago than <see cref="IngestOptions.LedgerRetention"/> whose files
/// have left the work folder.
/// </summary>
internal sealed class LedgerPruning(IOptions<IngestOptions> options, IngestLedger ledger, ILogger<LedgerPruning> logger,
    TimeProvider time) : BackgroundService
{
    private readonly IngestOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.LedgerRetention == TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(_options.LedgerPruneInterval, time);
        do
        {
            try
            {
                var cutoff = time.GetUtcNow() - _options.LedgerRetention;
                var removed = await ledger.PruneFinishedAsync(cutoff, StillInWorkFolder, cancellationToken: stoppingToken);
                if (removed > 0)
                    logger.LedgerPruned(removed, cutoff, _options.LedgerRetention);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A full disk or a locked file must not end pruning for good: the rows wait for the next round.
                logger.LedgerPruneFailed(e, _options.LedgerPruneInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// A finished claim whose file is still in the work folder (the move after the outcome was interrupted) keeps
    /// its row: recovery finishes such files from the ledger, and without the row would take the file for another
    /// replica's and leave it there.
    /// </summary>
    private bool StillInWorkFolder(Guid correlationId, string sourcePath) =>
        Entries.Exist(WorkFiles.PathFor(_options.WorkFolder, correlationId, sourcePath));
}
