using Microsoft.Extensions.Options;
using Pipeline.Contracts;
using Pipeline.Storage;

namespace Pipeline.Indexing.Tests;

public sealed class GroupCommitWriterTests
{
    private static readonly DateTimeOffset Dropped = new(2026, 11, 27, 5, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_article_reaching_an_idle_writer_is_written_at_once_and_those_arriving_meanwhile_share_the_next_batch()
    {
        var (store, release) = HeldOpenStore();
        await using var writer = Writer(store);
        var first = Document("a");

        var firstWrite = writer.WriteAsync(first, CancellationToken.None);
        await WaitForBatchesAsync(store, 1);
        var later = new[] { Document("b"), Document("c"), Document("d") };
        var laterWrites = later.Select(d => writer.WriteAsync(d, CancellationToken.None)).ToList();
        release.SetResult();

        Assert.True(await firstWrite.WaitAsync(Patience));
        Assert.All(await Task.WhenAll(laterWrites).WaitAsync(Patience), Assert.True);
        Assert.Equal([[first.DocumentId], later.Select(d => d.DocumentId).ToArray()], store.Batches.ToArray());
    }

    [Fact]
    public async Task A_batch_takes_no_more_than_the_batch_size()
    {
        var (store, release) = HeldOpenStore();
        await using var writer = Writer(store, batchSize: 2);

        var writes = new List<Task<bool>> { writer.WriteAsync(Document("first"), CancellationToken.None) };
        await WaitForBatchesAsync(store, 1);
        writes.AddRange(Enumerable.Range(0, 5).Select(i => writer.WriteAsync(Document($"later-{i}"), CancellationToken.None)));
        release.SetResult();
        await Task.WhenAll(writes).WaitAsync(Patience);

        Assert.Equal([1, 2, 2, 1], store.Batches.Select(b => b.Length));
        Assert.Equal(6, store.Documents.Count);
    }

    [Fact]
    public async Task The_same_content_twice_in_one_batch_is_created_once_and_only_its_first_write_says_so()
    {
        var (store, release) = HeldOpenStore();
        await using var writer = Writer(store);
        var holder = writer.WriteAsync(Document("holder"), CancellationToken.None);
        await WaitForBatchesAsync(store, 1);

        var original = Document("same");
        var copy = original with { CorrelationId = Guid.NewGuid() };
        var both = new[] { writer.WriteAsync(original, CancellationToken.None), writer.WriteAsync(copy, CancellationToken.None) };
        release.SetResult();

        var created = await Task.WhenAll(both).WaitAsync(Patience);
        Assert.True(created[0]);
        Assert.False(created[1]);
        Assert.Equal(2, store.Batches.ElementAt(1).Length);
        Assert.True(await holder);
    }

    [Fact]
    public async Task A_bad_article_fails_alone_and_the_rest_of_its_batch_is_stored()
    {
        var (store, release) = HeldOpenStore();
        var bad = Document("bad");
        var held = store.BeforeUpsert!;
        store.BeforeUpsert = async (documents, cancellationToken) =>
        {
            await held(documents, cancellationToken);
            if (documents.Any(d => d.DocumentId == bad.DocumentId))
                throw new InvalidOperationException("This article cannot be stored (simulated).");
        };
        await using var writer = Writer(store);
        var holder = writer.WriteAsync(Document("holder"), CancellationToken.None);
        await WaitForBatchesAsync(store, 1);

        var good = new[] { Document("good-1"), Document("good-2") };
        var goodWrites = good.Select(d => writer.WriteAsync(d, CancellationToken.None)).ToList();
        var badWrite = writer.WriteAsync(bad, CancellationToken.None);
        release.SetResult();

        Assert.All(await Task.WhenAll(goodWrites).WaitAsync(Patience), Assert.True);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => badWrite.WaitAsync(Patience));
        Assert.Contains("simulated", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, store.Documents.Count);
        Assert.True(await holder);
    }

    [Fact]
    public async Task A_transient_fault_fails_the_whole_batch_for_the_retry_to_take_over()
    {
        var store = new InMemoryArticleStore();
        store.FailNextUpserts(1);
        await using var writer = Writer(store);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => writer.WriteAsync(Document("flaky"), CancellationToken.None).WaitAsync(Patience));

        Assert.Contains("simulated", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.Documents);
        Assert.True(await writer.WriteAsync(Document("flaky"), CancellationToken.None).WaitAsync(Patience));
    }

    [Fact]
    public async Task Disposing_cancels_a_write_the_store_cannot_finish_and_refuses_more()
    {
        var (store, _) = HeldOpenStore();
        var writer = Writer(store);
        var stuck = writer.WriteAsync(Document("stuck"), CancellationToken.None);
        await WaitForBatchesAsync(store, 1);

        // The store never answers; disposing must not wait for it, or a worker stopped during an outage would hang.
        await writer.DisposeAsync().AsTask().WaitAsync(Patience);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stuck.WaitAsync(Patience));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync(Document("too late"), CancellationToken.None));
        Assert.Empty(store.Documents);
    }

    /// <summary>A store whose writes stay open until the returned source is set, so tests can gather articles behind one.</summary>
    private static (InMemoryArticleStore Store, TaskCompletionSource Release) HeldOpenStore()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (new InMemoryArticleStore { BeforeUpsert = (_, cancellationToken) => release.Task.WaitAsync(cancellationToken) }, release);
    }

    private static GroupCommitWriter Writer(IArticleStore store, int batchSize = 100) =>
        new(store, Options.Create(new IndexConsumerOptions { BatchSize = batchSize }));

    private static async Task WaitForBatchesAsync(InMemoryArticleStore store, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (store.Batches.Count < count)
            await Task.Delay(5, timeout.Token);
    }

    private static StoredDocument Document(string seed)
    {
        var sha = DocumentIds.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(seed));
        var source = new SourceFile(seed + ".txt", sha, MediaTypes.PlainText, 42);
        return new StoredDocument
        {
            DocumentId = DocumentIds.FromSha256Hex(sha),
            CorrelationId = Guid.NewGuid(),
            Article = new Article { Source = source, Title = "Judul " + seed, Body = "Isi berita." },
            DroppedAt = Dropped,
            Stages = [new StageVisit(Stages.Ingest, "w1", Dropped, Dropped)],
        };
    }
}
