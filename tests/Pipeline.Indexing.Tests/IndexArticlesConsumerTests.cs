using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Storage;
using Pipeline.Testing.Messages;

namespace Pipeline.Indexing.Tests;

public sealed class IndexArticlesConsumerTests
{
    private static readonly DateTimeOffset Dropped = new(2024, 6, 14, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Stores_each_extracted_article_once_and_announces_it()
    {
        var store = new InMemoryArticleStore();
        await using var provider = BuildProvider(store);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var first = Extracted("a.txt", "aa");
        var second = Extracted("b.txt", "bb");
        await harness.Bus.Publish(first);
        await harness.Bus.Publish(second);

        Assert.True(await harness.Published.Any<ArticleIndexed>(x => x.Context.Message.DocumentId == second.DocumentId));
        Assert.True(await harness.Published.Any<ArticleIndexed>(x => x.Context.Message.DocumentId == first.DocumentId));
        Assert.Equal(2, store.Documents.Count);
        var indexed = harness.Published.MessagesSoFar<ArticleIndexed>();
        Assert.All(indexed, m => Assert.True(m.Created));
        Assert.All(indexed, m => Assert.Equal([Stages.Ingest, Stages.Extract, Stages.Index], m.Stages.Select(s => s.Stage)));
    }

    [Fact]
    public async Task A_redelivered_article_is_announced_as_not_new_and_stored_once()
    {
        var store = new InMemoryArticleStore();
        await using var provider = BuildProvider(store);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var message = Extracted("same.txt", "cc");
        await harness.Bus.Publish(message);
        Assert.True(await harness.Published.Any<ArticleIndexed>(x => x.Context.Message.Created));
        await harness.Bus.Publish(message with { CorrelationId = Guid.NewGuid() });

        Assert.True(await harness.Published.Any<ArticleIndexed>(x => !x.Context.Message.Created));
        Assert.Single(store.Documents);
    }

    [Fact]
    public async Task A_store_that_fails_briefly_is_retried_and_nothing_is_lost()
    {
        var store = new InMemoryArticleStore();
        store.FailNextUpserts(2);
        await using var provider = BuildProvider(store);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var message = Extracted("flaky.txt", "dd");
        await harness.Bus.Publish(message);

        Assert.True(await harness.Published.Any<ArticleIndexed>(x => x.Context.Message.DocumentId == message.DocumentId));
        Assert.Single(store.Documents);
        Assert.True(store.UpsertCalls >= 3, $"expected two failed calls and one that worked, saw {store.UpsertCalls}");
        Assert.False(await harness.Published.Any<Fault<ArticleExtracted>>());
    }

    [Fact]
    public async Task The_same_content_twice_at_once_is_stored_once_and_both_files_are_announced()
    {
        var store = new InMemoryArticleStore();
        await using var provider = BuildProvider(store);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        // Two files with the same bytes under different names share one document id.
        var original = Extracted("asli.txt", "ee");
        var copy = original with { CorrelationId = Guid.NewGuid(), Article = original.Article with { Source = original.Article.Source with { Path = "salinan.txt" } } };
        await Task.WhenAll(harness.Bus.Publish(original), harness.Bus.Publish(copy));

        Assert.True(await harness.Published.Any<ArticleIndexed>(x => x.Context.Message.CorrelationId == original.CorrelationId));
        Assert.True(await harness.Published.Any<ArticleIndexed>(x => x.Context.Message.CorrelationId == copy.CorrelationId));
        Assert.Single(store.Documents);
        Assert.Single(harness.Published.SoFar<ArticleIndexed>(), x => x.Context.Message.Created);
        Assert.False(await harness.Published.Any<Fault<ArticleExtracted>>());
    }

    private static ServiceProvider BuildProvider(InMemoryArticleStore store)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["IndexConsumer:RetryMinInterval"] = "00:00:00.010",
            ["IndexConsumer:RetryMaxInterval"] = "00:00:00.050",
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IArticleStore>(store)
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new WorkerIdentity("test-worker"))
            .AddMassTransitTestHarness(x => x.AddIndexingConsumers(configuration))
            .BuildServiceProvider(true);
    }

    [Fact]
    public async Task An_article_of_a_list_is_announced_with_its_place_so_ingest_can_count_the_file_finished()
    {
        var store = new InMemoryArticleStore();
        await using var provider = BuildProvider(store);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var whole = Extracted("daftar.json", "ff");
        var second = whole with
        {
            DocumentId = DocumentIds.ForItem(whole.Article.Source.Sha256, 1),
            Article = whole.Article with { Source = whole.Article.Source.ForItem(1) },
            ItemIndex = 1,
            ItemCount = 3,
        };

        await harness.Bus.Publish(second);

        Assert.True(await harness.Published.Any<ArticleIndexed>(x => x.Context.Message.DocumentId == second.DocumentId));
        var indexed = harness.Published.SoFar<ArticleIndexed>().Single().Context.Message;
        Assert.Equal((1, 3), (indexed.ItemIndex, indexed.ItemCount));
        Assert.Equal("daftar.json#2", indexed.Source.Path);
        Assert.Equal(second.DocumentId, Assert.Single(store.Documents).DocumentId);
    }

    private static ArticleExtracted Extracted(string path, string hashSeed)
    {
        var sha = DocumentIds.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(hashSeed));
        var source = new SourceFile(path, sha, MediaTypes.PlainText, 42);
        return new ArticleExtracted
        {
            DocumentId = DocumentIds.FromSha256Hex(sha),
            CorrelationId = Guid.NewGuid(),
            DroppedAt = Dropped,
            Article = new Article { Source = source, Title = "Judul " + path, Body = "Isi berita." },
            Stages =
            [
                new StageVisit(Stages.Ingest, "w1", Dropped, Dropped),
                new StageVisit(Stages.Extract, "w2", Dropped, Dropped),
            ],
        };
    }
}
