using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Ingest.Claiming;
using Pipeline.Ingest.Ledger;

namespace Pipeline.Ingest.Finishing;

/// <summary>
/// Puts a claimed file in its one final place: the archive (or nowhere, when deleting is configured) once
/// stored, or the quarantine beside its reason. The ledger is written first, so a crash between the two
/// steps leaves a file whose fate the start-up recovery can complete. Every step may run twice (redelivered
/// messages, recovery) and then changes nothing.
/// </summary>
internal sealed class FileFinisher(IOptions<IngestOptions> options, IngestLedger ledger, ILogger<FileFinisher> logger)
{
    private readonly IngestOptions _options = options.Value;

    public async Task ArchiveAsync(Guid correlationId, Guid documentId, SourceFile source, DateTimeOffset droppedAt,
        bool created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        // A claim the ledger knows keeps its own drop time (the upsert never rewrites it); the message's is for
        // a claim it has lost.
        await ledger.SaveAsync(new ClaimRecord
        {
            CorrelationId = correlationId,
            Sha256 = source.Sha256,
            DocumentId = documentId,
            SourcePath = source.Path,
            MediaType = source.MediaType,
            SizeBytes = source.SizeBytes,
            State = ClaimState.Stored,
            DroppedAt = droppedAt,
            UpdatedAt = DateTimeOffset.UtcNow,
        }, cancellationToken);

        var workPath = WorkFiles.PathFor(_options.WorkFolder, correlationId, source.Path);
        if (!Entries.Exist(workPath))
        {
            logger.StoredWithoutFile(source.Path);
            return;
        }

        if (_options.DeleteAfterStore)
        {
            File.Delete(workPath);
            logger.StoredAndDeleted(source.Path, created);
            return;
        }

        var archived = FinalPlaces.Choose(_options.ArchiveFolder, source.Path, correlationId);
        Directory.CreateDirectory(Path.GetDirectoryName(archived)!);
        Entries.Move(workPath, archived, overwrite: false);
        logger.StoredAndArchived(source.Path, created, archived);
    }

    public async Task QuarantineAsync(ClaimRecord claim, QuarantineReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(reason);
        var reasonJson = reason.ToJson();
        await ledger.SaveAsync(claim with { State = ClaimState.Quarantined, Reason = reasonJson, UpdatedAt = DateTimeOffset.UtcNow }, cancellationToken);

        var workPath = WorkFiles.PathFor(_options.WorkFolder, claim.CorrelationId, claim.SourcePath);
        if (!Entries.Exist(workPath))
        {
            logger.QuarantinedWithoutFile(claim.SourcePath, reason.Stage);
            return;
        }

        var quarantined = FinalPlaces.Choose(_options.QuarantineFolder, claim.SourcePath, claim.CorrelationId);
        Directory.CreateDirectory(Path.GetDirectoryName(quarantined)!);
        await WriteAtomicallyAsync(quarantined + ".reason.json", reasonJson, cancellationToken);
        Entries.Move(workPath, quarantined, overwrite: false);
        logger.Quarantined(claim.SourcePath, quarantined, reason.Stage, reason.Error);
    }

    private static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var temporary = path + ".writing";
        await File.WriteAllTextAsync(temporary, text, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
