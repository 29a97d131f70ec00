using Microsoft.Extensions.Logging;

namespace Pipeline.Ingest;

/// <summary>Every log line of the ingest stage, as message templates with named properties.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest waits for the bus before watching {InboxFolder}")]
    public static partial void WaitingForBus(this ILogger logger, string inboxFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {InboxFolder}; claimed files wait in {WorkFolder}, stored ones go to {ArchiveFolder}, refused ones to {QuarantineFolder}")]
    public static partial void Watching(this ILogger logger, string inboxFolder, string workFolder, string archiveFolder, string quarantineFolder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not ingest {SourcePath}; it will be retried")]
    public static partial void IngestFailed(this ILogger logger, Exception exception, string sourcePath);

    [LoggerMessage(Level = LogLevel.Error, Message = "An inbox pass failed; files stay where they are and the next pass tries again")]
    public static partial void PassFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox events were lost (buffer overflow or watch limit); the rescan will find the files")]
    public static partial void EventsLost(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {InboxFolder} for events; relying on rescans every {RescanInterval}")]
    public static partial void NoEvents(this ILogger logger, Exception exception, string inboxFolder, TimeSpan rescanInterval);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{SourcePath} was gone before we could claim it (another replica took it, or it was removed)")]
    public static partial void ClaimLost(this ILogger logger, string sourcePath);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claimed {SourcePath} as {WorkPath}")]
    public static partial void Claimed(this ILogger logger, string sourcePath, string workPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "{SourcePath} has the same content as the earlier drop {EarlierCorrelationId}")]
    public static partial void SameContent(this ILogger logger, string sourcePath, Guid earlierCorrelationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {SourcePath} ({SizeBytes} bytes, {MediaType}, {Transfer})")]
    public static partial void Published(this ILogger logger, string sourcePath, long sizeBytes, string mediaType, string transfer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {SourcePath}; {StoredItems} of the file's {ItemCount} articles are stored, the file waits for the rest")]
    public static partial void StoredItem(this ILogger logger, string sourcePath, int storedItems, int itemCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {SourcePath}: its claimed file is already gone (finished before, or claimed by a replica with another work folder)")]
    public static partial void StoredWithoutFile(this ILogger logger, string sourcePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {SourcePath} (new: {Created}); deleted the file")]
    public static partial void StoredAndDeleted(this ILogger logger, string sourcePath, bool created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {SourcePath} (new: {Created}); archived as {ArchivePath}")]
    public static partial void StoredAndArchived(this ILogger logger, string sourcePath, bool created, string archivePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quarantine of {SourcePath} by {Stage}: its claimed file is already gone (finished before)")]
    public static partial void QuarantinedWithoutFile(this ILogger logger, string sourcePath, string stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {SourcePath} as {QuarantinePath}: {Stage} said {Error}")]
    public static partial void Quarantined(this ILogger logger, string sourcePath, string quarantinePath, string stage, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not recover claimed file {WorkPath}; will try again on the next sweep")]
    public static partial void RecoveryFailed(this ILogger logger, Exception exception, string workPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publishing {SourcePath} again: it was {State} and has no outcome yet")]
    public static partial void Republishing(this ILogger logger, string sourcePath, Ledger.ClaimState state);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{SourcePath} was finished while we were about to publish it again")]
    public static partial void FinishedMeanwhile(this ILogger logger, string sourcePath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Stage}'s rejection of {SourcePath} ({Reason}): it was already stored")]
    public static partial void RejectionAfterStore(this ILogger logger, string sourcePath, string stage, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The work folder has held {FilesInFlight} files (limit {MaxFilesInFlight}) for {Patience}: the stages after ingest are slow or down, so new files wait in the inbox")]
    public static partial void WorkFolderFull(this ILogger logger, int filesInFlight, int maxFilesInFlight, TimeSpan patience);

    [LoggerMessage(Level = LogLevel.Information, Message = "The work folder has room again ({FilesInFlight} files, limit {MaxFilesInFlight}); claiming resumes")]
    public static partial void WorkFolderHasRoom(this ILogger logger, int filesInFlight, int maxFilesInFlight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} claims finished before {Cutoff} from the ingest ledger (Ingest:LedgerRetention {Retention})")]
    public static partial void LedgerPruned(this ILogger logger, int count, DateTimeOffset cutoff, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not remove old finished claims from the ingest ledger; will try again in {Interval}")]
    public static partial void LedgerPruneFailed(this ILogger logger, Exception exception, TimeSpan interval);
}
