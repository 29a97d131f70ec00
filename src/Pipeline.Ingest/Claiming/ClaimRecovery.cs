using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Ingest.Finishing;
using Pipeline.Ingest.Ledger;

namespace Pipeline.Ingest.Claiming;

/// <summary>
/// Finishes what a crash or an outage interrupted, from what lies in the work folder. At start every file this
/// ledger claimed and that is not yet stored or quarantined is published again (downstream stores are idempotent
/// by document id); files whose end was recorded but not carried out are moved. Files the ledger does not know
/// were claimed by another replica sharing the work folder and are left to it. Between starts, the periodic sweep publishes
/// files stuck before publishing (bus down) and re-sends those published long ago with no answer; a claim still being
/// taken is its claim slot's business, however long its publish takes.
/// </summary>
internal sealed class ClaimRecovery(IOptions<IngestOptions> options, IngestLedger ledger, FileIntake intake,
    FileFinisher finisher, ILogger<ClaimRecovery> logger, TimeProvider time)
{
    private readonly IngestOptions _options = options.Value;

    public Task RecoverAfterStartAsync(CancellationToken cancellationToken) => RunAsync(atStart: true, cancellationToken);

    public Task SweepAsync(CancellationToken cancellationToken) => RunAsync(atStart: false, cancellationToken);

    private async Task RunAsync(bool atStart, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_options.WorkFolder))
            return;
        var now = time.GetUtcNow();
        // Entries, not just files: a claimed symbolic link to a folder is listed as a folder.
        foreach (var workPath in Directory.EnumerateFileSystemEntries(_options.WorkFolder))
        {
            // A claim still being taken looks stuck to the sweep when its publish is slow; it finishes by itself.
            if (!WorkFiles.TryParse(workPath, out var correlationId) || intake.IsInProgress(correlationId) || !Entries.Exist(workPath))
                continue;
            var known = await ledger.FindAsync(correlationId, cancellationToken);
            try
            {
                await RecoverOneAsync(workPath, correlationId, known, atStart, now, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // One bad file must not stop recovery of the others; it is retried on the next sweep.
                logger.RecoveryFailed(e, workPath);
            }
        }
    }

    private async Task RecoverOneAsync(string workPath, Guid correlationId, ClaimRecord? known, bool atStart,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (known?.State)
        {
            case null:
                // Our ledger records every claim before the rename, so this file was claimed by another
                // replica sharing the work folder: its own ledger and recovery look after it.
                break;
            case ClaimState.Received when atStart || now - known.UpdatedAt >= _options.RescanInterval:
            case ClaimState.Published when atStart || now - (known.PublishedAt ?? known.UpdatedAt) >= _options.RepublishAfter:
                logger.Republishing(known.SourcePath, known.State);
                await intake.RepublishAsync(known, workPath, cancellationToken);
                break;
            case ClaimState.Stored when atStart:
                await finisher.ArchiveAsync(correlationId, known.DocumentId ?? Guid.Empty,
                    new SourceFile(known.SourcePath, known.Sha256 ?? "", known.MediaType ?? MediaTypes.Unknown, known.SizeBytes),
                    known.DroppedAt, created: false, cancellationToken);
                break;
            case ClaimState.Quarantined when atStart && known.Reason is not null:
                await finisher.QuarantineAsync(known, QuarantineReason.FromJson(known.Reason)!, cancellationToken);
                break;
            default:
                break;
        }
    }
}
