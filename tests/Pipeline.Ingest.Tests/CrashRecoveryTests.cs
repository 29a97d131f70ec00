using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Ingest.Claiming;
using Pipeline.Ingest.Ledger;
using Pipeline.Ingest.Tests.Support;
using Pipeline.Testing.Processes;
using Pipeline.Testing.Messages;

namespace Pipeline.Ingest.Tests;

/// <summary>What a crash leaves in the work folder is finished when the stage starts again.</summary>
public class CrashRecoveryTests
{
    private static readonly DateTimeOffset DroppedAt = new(2026, 2, 1, 7, 0, 0, TimeSpan.Zero);

    /// <summary>Leaves a claimed file and its ledger row as a process killed at that point would.</summary>
    /// <param name="published">False: the row as the claim wrote it, before the publish recorded the hash.</param>
    private static async Task<Guid> LeaveClaimAsync(IServiceProvider services, string sourcePath, string content, ClaimState? state, bool published = true)
    {
        var options = services.GetRequiredService<IOptions<IngestOptions>>().Value;
        var correlationId = Guid.NewGuid();
        Directory.CreateDirectory(options.WorkFolder);
        await File.WriteAllTextAsync(WorkFiles.PathFor(options.WorkFolder, correlationId, sourcePath), content);
        if (state is { } known)
        {
            var sha = DocumentIds.Sha256Hex(Encoding.UTF8.GetBytes(content));
            await services.GetRequiredService<IngestLedger>().SaveAsync(new ClaimRecord
            {
                CorrelationId = correlationId,
                Sha256 = published ? sha : null,
                DocumentId = published ? DocumentIds.FromSha256Hex(sha) : null,
                SourcePath = sourcePath,
                MediaType = published ? "text/plain" : null,
                SizeBytes = Encoding.UTF8.GetByteCount(content),
                State = known,
                DroppedAt = DroppedAt,
                UpdatedAt = DroppedAt,
            });
        }
        return correlationId;
    }

    [Theory]
    [InlineData(ClaimState.Received)]
    [InlineData(ClaimState.Published)]
    public async Task A_claimed_file_with_no_outcome_is_published_again_at_start(ClaimState state)
    {
        var correlationId = Guid.Empty;
        await using var host = await IngestTestHost.StartAsync(beforeStart: async services =>
            correlationId = await LeaveClaimAsync(services, "desk/interrupted.txt", "Half way through", state));

        var message = (await host.PublishedAsync<ArticleReceived>(m => m.CorrelationId == correlationId)).Context.Message;

        Assert.Equal("desk/interrupted.txt", message.Source.Path);
        Assert.Equal(DroppedAt, message.DroppedAt);
        Assert.Equal("Half way through", Encoding.UTF8.GetString(message.Content!));
        Assert.Equal(DocumentIds.FromSha256Hex(DocumentIds.Sha256Hex("Half way through"u8)), message.DocumentId);
    }

    [Fact]
    public async Task A_file_claimed_whose_publish_was_never_recorded_is_published_again_at_start()
    {
        // The most likely thing a kill leaves: the claim's row, written before the rename, and nothing after it.
        var correlationId = Guid.Empty;
        await using var host = await IngestTestHost.StartAsync(beforeStart: async services =>
            correlationId = await LeaveClaimAsync(services, "desk/cut short.txt", "Killed mid-publish", ClaimState.Received, published: false));

        var message = (await host.PublishedAsync<ArticleReceived>(m => m.CorrelationId == correlationId)).Context.Message;

        Assert.Equal(DocumentIds.FromSha256Hex(DocumentIds.Sha256Hex("Killed mid-publish"u8)), message.DocumentId);
        Assert.Equal("text/plain", message.Source.MediaType);
        await Eventually.WaitUntilAsync(
            async ct => await host.Services.GetRequiredService<IngestLedger>().FindAsync(correlationId, ct) is { State: ClaimState.Published, Sha256: not null },
            Eventually.DefaultTimeout, "the republish is recorded with the file's hash");
    }

    [Fact]
    public async Task A_claimed_file_the_ledger_never_heard_of_belongs_to_another_replica_and_is_left_alone()
    {
        var foreign = Guid.Empty;
        var ours = Guid.Empty;
        await using var host = await IngestTestHost.StartAsync(beforeStart: async services =>
        {
            foreign = await LeaveClaimAsync(services, "theirs.txt", "Claimed by a replica with its own ledger", state: null);
            ours = await LeaveClaimAsync(services, "ours.txt", "Claimed by us", ClaimState.Published);
        });

        // Recovery handles the work folder in one go, so once our file is out, theirs has been considered too.
        await host.PublishedAsync<ArticleReceived>(m => m.CorrelationId == ours);

        Assert.DoesNotContain(host.Harness.Published.SoFar<ArticleReceived>(), m => m.Context.Message.CorrelationId == foreign);
        Assert.True(File.Exists(WorkFiles.PathFor(host.Options.WorkFolder, foreign, "theirs.txt")));
    }

    [Fact]
    public async Task A_file_recorded_stored_but_not_yet_moved_is_archived_at_start_without_publishing()
    {
        var correlationId = Guid.Empty;
        await using var host = await IngestTestHost.StartAsync(beforeStart: async services =>
            correlationId = await LeaveClaimAsync(services, "done.txt", "Already searchable", ClaimState.Stored));

        await Eventually.WaitUntilAsync(() => File.Exists(Path.Combine(host.Options.ArchiveFolder, "done.txt")), Eventually.DefaultTimeout, "the file is archived");
        Assert.Empty(host.Harness.Published.SoFar<ArticleReceived>());
    }

    [Fact]
    public async Task A_file_recorded_quarantined_but_not_yet_moved_is_quarantined_at_start()
    {
        await using var host = await IngestTestHost.StartAsync(beforeStart: async services =>
        {
            var correlationId = await LeaveClaimAsync(services, "refused.txt", "Not an article", ClaimState.Received);
            var ledger = services.GetRequiredService<IngestLedger>();
            var claim = (await ledger.FindAsync(correlationId))!;
            var reason = new Finishing.QuarantineReason
            {
                File = "refused.txt",
                Stage = Stages.Extract,
                Error = "No article text.",
                WhatToDo = "Drop the article page.",
                Time = DroppedAt,
                CorrelationId = correlationId,
            };
            await ledger.SaveAsync(claim with { State = ClaimState.Quarantined, Reason = reason.ToJson() });
        });

        var reasonPath = Path.Combine(host.Options.QuarantineFolder, "refused.txt.reason.json");
        await Eventually.WaitUntilAsync(() => File.Exists(Path.Combine(host.Options.QuarantineFolder, "refused.txt")) && File.Exists(reasonPath), Eventually.DefaultTimeout, "the file is quarantined beside its reason");
        Assert.Contains("No article text.", await File.ReadAllTextAsync(reasonPath), StringComparison.Ordinal);
        Assert.Empty(host.Harness.Published.SoFar<ArticleReceived>());
    }

    [Fact]
    public async Task A_bad_file_left_claimed_is_quarantined_at_start_not_published()
    {
        await using var host = await IngestTestHost.StartAsync(beforeStart: async services =>
            await LeaveClaimAsync(services, "was empty.txt", "", ClaimState.Received));

        var reasonPath = Path.Combine(host.Options.QuarantineFolder, "was empty.txt.reason.json");
        await Eventually.WaitUntilAsync(() => File.Exists(reasonPath), Eventually.DefaultTimeout, "the empty file is quarantined beside its reason");
        Assert.Contains("empty", await File.ReadAllTextAsync(reasonPath), StringComparison.Ordinal);
        Assert.Empty(host.Harness.Published.SoFar<ArticleReceived>());
    }

    [Fact]
    public async Task A_file_published_long_ago_without_an_outcome_is_published_again_while_running()
    {
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?> { ["Ingest:RepublishAfter"] = "00:00:01" });
        host.Drop("unanswered.txt", "Nobody answered");
        var first = (await host.PublishedAsync<ArticleReceived>(m => m.Source.Path == "unanswered.txt")).Context.Message;

        await Eventually.WaitUntilAsync(() => host.Harness.Published.SoFar<ArticleReceived>().Count(m => m.Context.Message.CorrelationId == first.CorrelationId) >= 2, Eventually.DefaultTimeout, "the unanswered file is published a second time");
    }
}
