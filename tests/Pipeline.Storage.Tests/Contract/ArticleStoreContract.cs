using Pipeline.Contracts;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IArticleStore"/> must have. Each engine runs this same suite against a
/// real database; a test gets a fresh, empty store.
/// </summary>
public abstract partial class ArticleStoreContract
{
    /// <summary>A new store over a new, empty database; <paramref name="configure"/> adjusts options.</summary>
    protected abstract Task<IArticleStore> CreateStoreAsync(Action<StorageOptions>? configure = null);

    /// <summary>Another store instance over the same database as <paramref name="store"/> (another worker).</summary>
    protected abstract IArticleStore OpenSameDatabase(IArticleStore store);

    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<IArticleStore> CreateStoreWithCorpusAsync()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(TestArticles.Corpus, None);
        return store;
    }

    [Fact]
    public async Task Upsert_then_get_returns_the_whole_article_and_pipeline_facts()
    {
        var store = await CreateStoreAsync();
        var document = TestArticles.Corpus[4];

        var outcome = await store.UpsertAsync([document], None);
        var stored = await store.GetAsync(document.DocumentId, None);

        Assert.Equal([new UpsertOutcome(document.DocumentId, true)], outcome);
        Assert.NotNull(stored);
        Assert.Equal(document.CorrelationId, stored.CorrelationId);
        Assert.Equal(document.DroppedAt, stored.DroppedAt);
        Assert.Equal(document.Stages, stored.Stages);
        Assert.NotNull(stored.StoredAt);
        Assert.Equal(1, stored.Version);
        Assert.True(stored.IsCurrent);
        AssertSameArticle(document.Article, stored.Article);
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_null()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.GetAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task Storing_the_same_document_again_creates_nothing()
    {
        var store = await CreateStoreAsync();
        var document = TestArticles.Corpus[0];
        await store.UpsertAsync([document], None);

        var redelivered = document with { CorrelationId = Guid.NewGuid() };
        var second = await store.UpsertAsync([redelivered], None);

        Assert.False(Assert.Single(second).Created);
        Assert.Equal(1, await store.CountAsync(None));
        Assert.Equal(document.CorrelationId, (await store.GetAsync(document.DocumentId, None))!.CorrelationId);
    }

    [Fact]
    public async Task A_document_twice_in_one_batch_is_created_once()
    {
        var store = await CreateStoreAsync();
        var document = TestArticles.Corpus[1];

        var outcomes = await store.UpsertAsync([document, document], None);

        Assert.Equal([true, false], outcomes.Select(o => o.Created));
        Assert.Equal(1, await store.CountAsync(None));
    }

    [Fact]
    public async Task An_upsert_larger_than_the_batch_size_stores_everything_in_order()
    {
        var store = await CreateStoreAsync(options => options.BatchSize = 7);
        var documents = Enumerable.Range(0, 30)
            .Select(i => TestArticles.Create($"bulk/{i}.txt", $"Bulk article {i}", $"Body number {i} about harbour traffic."))
            .ToArray();

        var outcomes = await store.UpsertAsync(documents, None);

        Assert.Equal(documents.Select(d => d.DocumentId), outcomes.Select(o => o.DocumentId));
        Assert.All(outcomes, o => Assert.True(o.Created));
        Assert.Equal(30, await store.CountAsync(None));
        Assert.Equal(30, (await store.SearchAsync(new SearchRequest("harbour"), None)).Total);
    }

    [Fact]
    public async Task A_batch_prepared_in_several_slices_keeps_its_order_and_creates_a_repeat_once()
    {
        // The stores analyse a batch in slices of 100 while writing earlier ones: 250 documents are three
        // slices, and the repeat of the first document sits in the last one.
        var store = await CreateStoreAsync();
        var documents = Enumerable.Range(0, 249)
            .Select(i => TestArticles.Create($"slices/{i}.txt", $"Slice article {i}", $"Body number {i} about ferry schedules."))
            .ToList();
        documents.Insert(230, documents[0]);

        var outcomes = await store.UpsertAsync(documents, None);

        Assert.Equal(documents.Select(d => d.DocumentId), outcomes.Select(o => o.DocumentId));
        Assert.Equal(249, outcomes.Count(o => o.Created));
        Assert.True(outcomes[0].Created);
        Assert.False(outcomes[230].Created);
        Assert.Equal(249, await store.CountAsync(None));
        Assert.Equal(249, (await store.SearchAsync(new SearchRequest("ferry schedules"), None)).Total);
    }

    [Fact]
    public async Task Several_workers_starting_at_once_share_one_schema()
    {
        var first = await CreateStoreAsync();
        var workers = Enumerable.Range(0, 4).Select(_ => OpenSameDatabase(first)).ToArray();

        await Task.WhenAll(workers.Select(worker => Task.Run(() => worker.InitializeAsync(None))));
        await Task.WhenAll(workers.Select((worker, i) => worker.UpsertAsync([TestArticles.Corpus[i]], None)));

        Assert.Equal(4, await first.CountAsync(None));
    }

    private static void AssertSameArticle(Article expected, Article actual)
    {
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expected.Paragraphs, actual.Paragraphs);
        Assert.Equal(expected.Language, actual.Language);
        Assert.Equal(expected.Dateline, actual.Dateline);
        Assert.Equal(expected.PublishedAt, actual.PublishedAt);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.SiteName, actual.SiteName);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Keywords, actual.Keywords);
        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(expected.WordCount, actual.WordCount);
        Assert.Equal(expected.Quotes, actual.Quotes);
        Assert.Equal(expected.Entities.Count, actual.Entities.Count);
        for (var i = 0; i < expected.Entities.Count; i++)
        {
            Assert.Equal(expected.Entities[i].Name, actual.Entities[i].Name);
            Assert.Equal(expected.Entities[i].Type, actual.Entities[i].Type);
            Assert.Equal(expected.Entities[i].Mentions, actual.Entities[i].Mentions);
        }
    }
}
