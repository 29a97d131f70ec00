using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Ingest.Finishing;
using Pipeline.Ingest.Ledger;
using Pipeline.Ingest.Watching;
using Polly;
using Polly.Retry;

namespace Pipeline.Ingest.Claiming;

/// <summary>
/// Takes one finished inbox file through ingest: claim it, refuse it at once if it is plainly bad, hash it,
/// record it, and publish <see cref="ArticleReceived"/>. Files refused here are quarantined, never published.
/// </summary>
internal sealed class FileIntake
{
    private readonly IngestOptions _options;
    private readonly IngestLedger _ledger;
    private readonly FileFinisher _finisher;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<FileIntake> _logger;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _publishRetry;
    private readonly string _worker = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Claims being taken right now: the sweep must not publish them a second time under the claim's hands.</summary>
    private readonly ConcurrentDictionary<Guid, byte> _inProgress = new();

    public FileIntake(IOptions<IngestOptions> options, IngestLedger ledger, FileFinisher finisher,
        IServiceScopeFactory scopes, ILogger<FileIntake> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _ledger = ledger;
        _finisher = finisher;
        _scopes = scopes;
        _logger = logger;
        _time = time;
        // A broker blip should not strand a file until the next sweep; a longer outage is left to the sweep,
        // which republishes whatever is still only "received".
        _publishRetry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
            })
            .Build();
    }

    /// <summary>Whether the claim is still being taken (a slow publish can outlast the sweep's patience).</summary>
    internal bool IsInProgress(Guid correlationId) => _inProgress.ContainsKey(correlationId);

    /// <returns>False when another replica claimed the file first (or it vanished): nothing to do.</returns>
    internal async Task<bool> TakeAsync(Arrival arrival, CancellationToken cancellationToken)
    {
        var correlationId = Guid.NewGuid();
        _inProgress[correlationId] = 0;
        try
        {
            return await TakeAsync(arrival, correlationId, cancellationToken);
        }
        finally
        {
            _inProgress.TryRemove(correlationId, out _);
        }
    }

    private async Task<bool> TakeAsync(Arrival arrival, Guid correlationId, CancellationToken cancellationToken)
    {
        var file = arrival.File;
        var workPath = WorkFiles.PathFor(_options.WorkFolder, correlationId, file.RelativePath);
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId });
        var started = _time.GetUtcNow();
        var claim = new ClaimRecord
        {
            CorrelationId = correlationId,
            SourcePath = file.RelativePath,
            SizeBytes = file.SizeBytes,
            State = ClaimState.Received,
            DroppedAt = arrival.FirstSeen,
            FileModifiedAt = file.LastWriteUtc,
            UpdatedAt = started,
        };

        // The ledger hears of the claim before the rename: after a crash, every file of ours in the work
        // folder has a row (with its original name), and a file without one belongs to another replica.
        await _ledger.RecordClaimingAsync(claim, cancellationToken);
        if (!FileClaimer.TryClaim(file.FullPath, workPath))
        {
            await _ledger.ForgetAsync(correlationId, cancellationToken);
            _logger.ClaimLost(file.RelativePath);
            return false;
        }
        _logger.Claimed(file.RelativePath, workPath);

        if (RefusalBeforeReading(arrival, workPath) is { } refusal)
        {
            await QuarantineAsync(claim, refusal, cancellationToken);
            return true;
        }

        ReadResult read;
        try
        {
            read = await ClaimedFileReader.ReadAsync(workPath, (file.SizeBytes, file.LastWriteUtc), _options.InlineContentMaxBytes, cancellationToken);
        }
        catch (UnauthorizedAccessException e)
        {
            await QuarantineAsync(claim, IngestRefusals.Unreadable(e.Message), cancellationToken);
            return true;
        }
        catch (FileNotFoundException)
        {
            // Deleted from the work folder under our hands: nothing to move, but the ledger says what happened.
            await QuarantineAsync(claim, IngestRefusals.Vanished(), cancellationToken);
            return true;
        }

        if (read.ChangedWhileRead)
        {
            await QuarantineAsync(claim with { Sha256 = read.Sha256, SizeBytes = read.SizeBytes }, IngestRefusals.ChangedWhileRead(), cancellationToken);
            return true;
        }

        if (read.SizeBytes == 0)
        {
            await QuarantineAsync(claim, IngestRefusals.Empty(), cancellationToken);
            return true;
        }

        claim = claim with
        {
            Sha256 = read.Sha256,
            DocumentId = DocumentIds.FromSha256Hex(read.Sha256),
            MediaType = MediaTypeSniffer.Guess(file.RelativePath, read.Head),
            SizeBytes = read.SizeBytes,
            FileModifiedAt = read.LastWriteUtc,
        };
        await PublishAsync(claim, read.Content, started, cancellationToken);
        return true;
    }

    /// <summary>Hashes, records and publishes a file already in the work folder (after a crash, or a failed publish).</summary>
    internal async Task RepublishAsync(ClaimRecord known, string workPath, CancellationToken cancellationToken)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = known.CorrelationId });
        var started = _time.GetUtcNow();
        ReadResult read;
        try
        {
            // The same checks as a fresh claim: the file may be here because quarantining it failed last time.
            if (RefusalBeforeReading(arrival: null, workPath) is { } refusal)
            {
                await QuarantineAsync(known, refusal, cancellationToken);
                return;
            }
            read = await ClaimedFileReader.ReadAsync(workPath, expected: null, _options.InlineContentMaxBytes, cancellationToken);
        }
        catch (UnauthorizedAccessException e)
        {
            await QuarantineAsync(known, IngestRefusals.Unreadable(e.Message), cancellationToken);
            return;
        }
        catch (FileNotFoundException)
        {
            // Its outcome arrived meanwhile and the file was archived or quarantined: nothing left to do.
            _logger.FinishedMeanwhile(known.SourcePath);
            return;
        }
        var claim = known with
        {
            Sha256 = read.Sha256,
            DocumentId = DocumentIds.FromSha256Hex(read.Sha256),
            MediaType = known.MediaType ?? MediaTypeSniffer.Guess(known.SourcePath, read.Head),
            SizeBytes = read.SizeBytes,
            FileModifiedAt = known.FileModifiedAt ?? read.LastWriteUtc,
            State = ClaimState.Received,
        };
        if (known.Sha256 is not null && known.Sha256 != read.Sha256)
        {
            // Someone rewrote a file inside the work folder; what was announced no longer exists.
            await QuarantineAsync(claim, IngestRefusals.ChangedWhileRead(), cancellationToken);
            return;
        }
        await PublishAsync(claim, read.Content, started, cancellationToken);
    }

    private async Task PublishAsync(ClaimRecord claim, byte[]? inlineContent, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var documentId = claim.DocumentId!.Value;
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["DocumentId"] = documentId, ["CorrelationId"] = claim.CorrelationId });

        var workPath = WorkFiles.PathFor(_options.WorkFolder, claim.CorrelationId, claim.SourcePath);
        var message = new ArticleReceived
        {
            DocumentId = documentId,
            CorrelationId = claim.CorrelationId,
            Source = new SourceFile(claim.SourcePath, claim.Sha256!, claim.MediaType ?? MediaTypes.Unknown, claim.SizeBytes),
            Content = inlineContent,
            ContentPath = inlineContent is null ? workPath : null,
            DroppedAt = claim.DroppedAt,
            FileModifiedAt = claim.FileModifiedAt ?? claim.DroppedAt,
            Ingested = new StageVisit(Stages.Ingest, _worker, started, _time.GetUtcNow()),
        };

        await using (var serviceScope = _scopes.CreateAsyncScope())
        {
            var publisher = serviceScope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
            await _publishRetry.ExecuteAsync(
                async token => await publisher.Publish(message, context => context.CorrelationId = claim.CorrelationId, token),
                cancellationToken);
        }

        var duplicateOf = await _ledger.RecordPublishedAsync(claim, _time.GetUtcNow(), cancellationToken);
        _logger.Published(claim.SourcePath, claim.SizeBytes, message.Source.MediaType, inlineContent is null ? "claim check" : "inline");
        if (duplicateOf is { } earlier)
        {
            // Published all the same: the store keeps one article per document id and answers Created = false, and
            // this file is archived like any other. Skipping the publish would trust the ledger over the store
            // (a wiped or rebuilt store would then never get this content back).
            _logger.SameContent(claim.SourcePath, earlier);
        }
    }

    /// <param name="arrival">How the watcher judged the file; null when recovering a file already claimed.</param>
    private (string Error, string WhatToDo)? RefusalBeforeReading(Arrival? arrival, string workPath)
    {
        var claimed = new FileInfo(workPath);
        // Checked on the claimed entry too: a file could have been swapped for a link after the scan. Its
        // attributes come from the status read Length needs anyway; the target is only read for the reason.
        if (arrival?.Verdict == ArrivalVerdict.SymbolicLink || Entries.IsLink(claimed.Attributes))
            return IngestRefusals.SymbolicLink(claimed.LinkTarget ?? "?");
        if (arrival?.Verdict == ArrivalVerdict.KeepsGrowing)
            return IngestRefusals.KeepsGrowing(_time.GetUtcNow() - arrival.FirstSeen);
        if (claimed.Length == 0)
            return IngestRefusals.Empty();
        if (claimed.Length > _options.MaxFileSizeBytes)
            return IngestRefusals.TooLarge(claimed.Length, _options.MaxFileSizeBytes);
        return null;
    }

    private Task QuarantineAsync(ClaimRecord claim, (string Error, string WhatToDo) refusal, CancellationToken cancellationToken) =>
        _finisher.QuarantineAsync(claim, new QuarantineReason
        {
            File = claim.SourcePath,
            Stage = Stages.Ingest,
            Error = refusal.Error,
            WhatToDo = refusal.WhatToDo,
            Time = _time.GetUtcNow(),
            CorrelationId = claim.CorrelationId,
            DocumentId = claim.DocumentId,
            Sha256 = claim.Sha256,
            SizeBytes = claim.SizeBytes,
        }, cancellationToken);
}
