using Microsoft.Extensions.Options;
using Pipeline.Ingest.Ledger;
using Pipeline.Ingest.Tests.Support;

namespace Pipeline.Ingest.Tests;

public sealed class IngestLedgerTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private IngestLedger Open() => new(Options.Create(new IngestOptions { LedgerPath = _temp.Combine("data", "ledger.db") }));

    private static bool KeepNone(Guid correlationId, string sourcePath) => false;

    /// <summary>Saves <paramref name="count"/> claims stored at T0 and returns them.</summary>
    private static async Task<List<ClaimRecord>> SaveStoredAsync(IngestLedger ledger, int count)
    {
        var claims = Enumerable.Range(0, count).Select(i => Claim($"file {i}.txt", $"{i:x2}", T0) with { State = ClaimState.Stored }).ToList();
        foreach (var claim in claims)
            await ledger.SaveAsync(claim);
        return claims;
    }

    private static ClaimRecord Claim(string path, string? sha, DateTimeOffset droppedAt) => new()
    {
        CorrelationId = Guid.NewGuid(),
        Sha256 = sha,
        SourcePath = path,
        SizeBytes = 12,
        State = ClaimState.Received,
        DroppedAt = droppedAt,
        UpdatedAt = droppedAt,
    };

    [Fact]
    public async Task A_claim_moves_through_its_states_and_survives_reopening()
    {
        var claim = Claim("desk/berita utama.txt", "ab12", T0);
        var ledger = Open();

        await ledger.RecordClaimingAsync(claim with { Sha256 = null });
        Assert.Equal(ClaimState.Received, (await ledger.FindAsync(claim.CorrelationId))!.State);

        Assert.Null(await ledger.RecordPublishedAsync(claim, T0.AddSeconds(1)));
        var published = (await ledger.FindAsync(claim.CorrelationId))!;
        Assert.Equal((ClaimState.Published, "ab12"), (published.State, published.Sha256));
        await ledger.SaveAsync(claim with { State = ClaimState.Stored, UpdatedAt = T0.AddSeconds(2) });

        var reopened = await Open().FindAsync(claim.CorrelationId);
        Assert.NotNull(reopened);
        Assert.Equal(ClaimState.Stored, reopened.State);
        Assert.Equal(T0.AddSeconds(1), reopened.PublishedAt);
        Assert.Equal("desk/berita utama.txt", reopened.SourcePath);
        Assert.Equal(T0, reopened.DroppedAt);
    }

    [Fact]
    public async Task Saving_a_known_claim_keeps_the_time_it_was_first_dropped()
    {
        // The finisher relies on this: it saves the stored outcome with the drop time its message carries.
        var claim = Claim("kept.txt", "5a5a", T0);
        var ledger = Open();
        await ledger.RecordClaimingAsync(claim);

        await ledger.SaveAsync(claim with { State = ClaimState.Stored, DroppedAt = T0.AddHours(3), UpdatedAt = T0.AddHours(3) });

        var saved = (await ledger.FindAsync(claim.CorrelationId))!;
        Assert.Equal((ClaimState.Stored, T0), (saved.State, saved.DroppedAt));
    }

    [Fact]
    public async Task Publishing_late_does_not_undo_an_outcome()
    {
        var claim = Claim("a.txt", "cd34", T0);
        var ledger = Open();
        await ledger.RecordClaimingAsync(claim);
        await ledger.SaveAsync(claim with { State = ClaimState.Quarantined, Reason = "{}" });

        await ledger.RecordPublishedAsync(claim, T0.AddSeconds(5));

        Assert.Equal(ClaimState.Quarantined, (await ledger.FindAsync(claim.CorrelationId))!.State);
    }

    [Fact]
    public async Task A_late_republish_does_not_undo_a_stored_outcome()
    {
        var claim = Claim("raced.txt", "9876", T0);
        var ledger = Open();
        await ledger.SaveAsync(claim with { State = ClaimState.Stored });

        await ledger.RecordPublishedAsync(claim, T0.AddSeconds(5));

        Assert.Equal(ClaimState.Stored, (await ledger.FindAsync(claim.CorrelationId))!.State);
    }

    [Fact]
    public async Task The_same_content_dropped_again_is_recognised_and_recorded()
    {
        var ledger = Open();
        var first = Claim("first.txt", "ef56", T0);
        var again = Claim("other name.txt", "ef56", T0.AddMinutes(1));
        var unrelated = Claim("unrelated.txt", "0000", T0.AddMinutes(2));

        Assert.Null(await ledger.RecordPublishedAsync(first, T0));
        Assert.Equal(first.CorrelationId, await ledger.RecordPublishedAsync(again, T0.AddMinutes(1)));
        Assert.Null(await ledger.RecordPublishedAsync(unrelated, T0.AddMinutes(2)));

        var sameContent = await ledger.FindByContentAsync("ef56");
        Assert.Equal([first.CorrelationId, again.CorrelationId], sameContent.Select(c => c.CorrelationId));
        Assert.Equal(first.CorrelationId, sameContent[1].DuplicateOf);
        Assert.Null(sameContent[0].DuplicateOf);
    }

    [Fact]
    public async Task A_quarantine_keeps_its_reason_and_files_refused_unread_need_no_hash()
    {
        var ledger = Open();
        var claim = Claim("empty.txt", sha: null, T0);

        await ledger.SaveAsync(claim with { State = ClaimState.Quarantined, Reason = """{"error":"empty"}""" });

        var found = Assert.Single(await ledger.FindByStateAsync(ClaimState.Quarantined));
        Assert.Equal(claim.CorrelationId, found.CorrelationId);
        Assert.Null(found.Sha256);
        Assert.Equal("""{"error":"empty"}""", found.Reason);
    }

    [Fact]
    public async Task Concurrent_writers_on_one_ledger_file_lose_nothing()
    {
        var ledgers = new[] { Open(), Open() };
        var claims = Enumerable.Range(0, 100).Select(i => Claim($"f{i}.txt", $"{i:x4}", T0.AddSeconds(i))).ToList();

        await Parallel.ForEachAsync(claims, async (claim, token) =>
            await ledgers[claim.SourcePath.Length % 2].RecordPublishedAsync(claim, T0, token));

        Assert.Equal(100, (await Open().FindByStateAsync(ClaimState.Published)).Count);
    }

    [Fact]
    public async Task Pruning_removes_claims_finished_before_the_cutoff_and_nothing_still_under_way()
    {
        var ledger = Open();
        var cutoff = T0.AddDays(90);
        var oldStored = Claim("old stored.txt", "01", T0) with { State = ClaimState.Stored };
        var oldQuarantined = Claim("old refused.txt", "02", T0) with { State = ClaimState.Quarantined, Reason = "{}" };
        var oldPublished = Claim("old in flight.txt", "03", T0) with { State = ClaimState.Published };
        var oldReceived = Claim("old claimed.txt", null, T0);
        var recentStored = Claim("recent stored.txt", "04", cutoff) with { State = ClaimState.Stored, UpdatedAt = cutoff.AddSeconds(1) };
        foreach (var claim in new[] { oldStored, oldQuarantined, oldPublished, oldReceived, recentStored })
            await ledger.SaveAsync(claim);

        Assert.Equal(2, await ledger.PruneFinishedAsync(cutoff, KeepNone));

        Assert.Null(await ledger.FindAsync(oldStored.CorrelationId));
        Assert.Null(await ledger.FindAsync(oldQuarantined.CorrelationId));
        Assert.Equal(ClaimState.Published, (await ledger.FindAsync(oldPublished.CorrelationId))?.State);
        Assert.Equal(ClaimState.Received, (await ledger.FindAsync(oldReceived.CorrelationId))?.State);
        Assert.Equal(ClaimState.Stored, (await ledger.FindAsync(recentStored.CorrelationId))?.State);
        Assert.Equal(0, await ledger.PruneFinishedAsync(cutoff, KeepNone));
    }

    [Fact]
    public async Task Pruning_goes_on_batch_after_batch_until_every_old_finished_claim_is_gone()
    {
        var ledger = Open();
        await SaveStoredAsync(ledger, 7);

        Assert.Equal(7, await ledger.PruneFinishedAsync(T0.AddDays(1), KeepNone, batchSize: 3));

        Assert.Empty(await ledger.FindByStateAsync(ClaimState.Stored));
    }

    [Fact]
    public async Task A_pruned_claim_takes_its_stored_article_marks_with_it_and_leaves_other_claims_marks()
    {
        var ledger = Open();
        var pruned = Claim("bundle.json", "0a", T0) with { State = ClaimState.Stored };
        var underWay = Claim("other bundle.json", "0b", T0) with { State = ClaimState.Published };
        await ledger.SaveAsync(pruned);
        await ledger.SaveAsync(underWay);
        await ledger.RecordStoredItemAsync(pruned.CorrelationId, 0);
        await ledger.RecordStoredItemAsync(pruned.CorrelationId, 1);
        await ledger.RecordStoredItemAsync(underWay.CorrelationId, 0);

        await ledger.PruneFinishedAsync(T0.AddDays(1), KeepNone);

        // The count of stored articles starts again for the pruned claim, and goes on for the other one.
        Assert.Equal(1, await ledger.RecordStoredItemAsync(pruned.CorrelationId, 1));
        Assert.Equal(2, await ledger.RecordStoredItemAsync(underWay.CorrelationId, 1));
    }

    [Fact]
    public async Task Claims_the_caller_keeps_stay_and_the_batches_go_on_past_them()
    {
        var ledger = Open();
        var claims = await SaveStoredAsync(ledger, 6);
        // The ledger goes through claims in the order of their ids' text; keeping the first two makes the first
        // batch of two all kept, which must not end the pruning.
        var kept = claims.Select(c => c.CorrelationId).OrderBy(id => id.ToString("D"), StringComparer.Ordinal).Take(2).ToHashSet();

        Assert.Equal(4, await ledger.PruneFinishedAsync(T0.AddDays(1), (id, _) => kept.Contains(id), batchSize: 2));

        Assert.Equal(kept.Order(), (await ledger.FindByStateAsync(ClaimState.Stored)).Select(c => c.CorrelationId).Order());
    }
}
