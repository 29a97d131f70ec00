using MassTransit;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts;
using Pipeline.Ingest.Ledger;

namespace Pipeline.Ingest.Finishing;

/// <summary>A later stage refused the file for good: quarantine it beside the stage's reason.</summary>
internal sealed class ArticleRejectedConsumer(FileFinisher finisher, IngestLedger ledger, ILogger<ArticleRejectedConsumer> logger)
    : IConsumer<ArticleRejected>
{
    public async Task Consume(ConsumeContext<ArticleRejected> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["DocumentId"] = message.DocumentId,
            ["CorrelationId"] = message.CorrelationId,
        });

        var known = await ledger.FindAsync(message.CorrelationId, context.CancellationToken);
        if (known?.State == ClaimState.Stored)
        {
            // A late rejection (say, of a redelivered claim check whose file was archived meanwhile) does not undo
            // a stored article: it is searchable, and its file is already in the archive.
            logger.RejectionAfterStore(message.Source.Path, message.Stage, message.Reason);
            return;
        }
        var claim = new ClaimRecord
        {
            CorrelationId = message.CorrelationId,
            Sha256 = message.Source.Sha256,
            DocumentId = message.DocumentId,
            SourcePath = message.Source.Path,
            MediaType = message.Source.MediaType,
            SizeBytes = message.Source.SizeBytes,
            State = ClaimState.Quarantined,
            DroppedAt = known?.DroppedAt ?? message.RejectedAt,
        };
        await finisher.QuarantineAsync(claim, new QuarantineReason
        {
            File = message.Source.Path,
            Stage = message.Stage,
            Error = message.Reason,
            WhatToDo = message.Hint ?? "Fix the file and drop it into the inbox again; if it looks right, report it with this reason file.",
            Time = message.RejectedAt,
            CorrelationId = message.CorrelationId,
            DocumentId = message.DocumentId,
            Sha256 = message.Source.Sha256,
            SizeBytes = message.Source.SizeBytes,
        }, context.CancellationToken);
    }
}
