namespace Pipeline.Storage.Tests.Contract;

public abstract partial class ArticleStoreContract
{
    private static async Task<string[]> PathsAsync(IArticleStore store, SearchRequest request)
    {
        var results = await store.SearchAsync(request, None);
        Assert.Equal(results.Hits.Count, (int)Math.Min(results.Total, request.Limit));
        return results.Hits.Select(hit => hit.SourcePath).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["news/budget.txt", "news/flood-jakarta.txt"], await PathsAsync(store, new SearchRequest("flood defences")));
        Assert.Equal(["news/budget.txt"], await PathsAsync(store, new SearchRequest("flood budget")));
    }

    [Fact]
    public async Task A_quoted_phrase_matches_only_words_in_that_order()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["news/budget.txt", "news/flood-jakarta.txt"], await PathsAsync(store, new SearchRequest("\"flood defences\"")));
        Assert.Empty(await PathsAsync(store, new SearchRequest("\"defences flood\"")));
        Assert.Equal(["news/orban.txt"], await PathsAsync(store, new SearchRequest("\"prime minister Viktor\"")));
    }

    [Fact]
    public async Task OR_matches_either_side()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["news/budget.txt", "news/orban.txt"], await PathsAsync(store, new SearchRequest("parliament OR brussels")));
        Assert.Equal(["berita/banjir.txt", "news/flood-jakarta.txt"], await PathsAsync(store, new SearchRequest("jakarta flood OR banjir")));
    }

    [Fact]
    public async Task A_minus_excludes_a_word_or_phrase()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["news/flood-jakarta.txt"], await PathsAsync(store, new SearchRequest("flood -budget")));
        Assert.Equal(["news/flood-jakarta.txt"], await PathsAsync(store, new SearchRequest("flood -\"finance minister\"")));
    }

    [Fact]
    public async Task English_words_match_other_forms_of_the_same_word()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["news/flood-jakarta.txt"], await PathsAsync(store, new SearchRequest("evacuate")));
        Assert.Equal(["news/budget.txt"], await PathsAsync(store, new SearchRequest("debating")));
    }

    [Fact]
    public async Task Indonesian_words_match_their_prefixed_and_suffixed_forms()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["berita/perumahan.txt"], await PathsAsync(store, new SearchRequest("bangun")));
        Assert.Equal(["berita/banjir.txt"], await PathsAsync(store, new SearchRequest("pengungsi")));
    }

    [Fact]
    public async Task Stop_words_neither_match_nor_narrow()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(await PathsAsync(store, new SearchRequest("budget")), await PathsAsync(store, new SearchRequest("the budget")));
        Assert.Equal(0, (await store.SearchAsync(new SearchRequest("the yang"), None)).Total);
    }

    [Fact]
    public async Task A_match_in_the_title_ranks_above_one_in_the_body()
    {
        var store = await CreateStoreWithCorpusAsync();

        var results = await store.SearchAsync(new SearchRequest("election"), None);

        Assert.Equal(["news/election-title.txt", "news/election-body.txt"], results.Hits.Select(h => h.SourcePath));
        Assert.True(results.Hits[0].Score > results.Hits[1].Score);
    }

    [Fact]
    public async Task Hits_carry_the_article_facts_and_a_highlighted_snippet()
    {
        var store = await CreateStoreWithCorpusAsync();

        var hit = Assert.Single((await store.SearchAsync(new SearchRequest("evacuated rivers"), None)).Hits);

        Assert.Equal(TestArticles.IdOf("news/flood-jakarta.txt"), hit.Id);
        Assert.Equal("Flood waters rise in Jakarta", hit.Title);
        Assert.Equal("2024-01-15", hit.PublishedAt);
        Assert.Equal("en", hit.Language);
        Assert.Contains("Residents were evacuated as rivers rose", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal(["evacuated", "rivers"], hit.Highlights.Select(span => hit.Snippet.Substring(span.Start, span.Length)));
        Assert.Contains("<mark>evacuated</mark> as <mark>rivers</mark>", hit.MarkSnippet("<mark>", "</mark>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_split_the_ranked_hits_without_overlap_and_keep_the_total()
    {
        var store = await CreateStoreWithCorpusAsync();
        var all = await store.SearchAsync(new SearchRequest("jakarta OR flood OR banjir OR election") { Limit = 50 }, None);

        var pages = new List<Guid>();
        for (var offset = 0; offset < all.Total; offset += 2)
        {
            var page = await store.SearchAsync(new SearchRequest("jakarta OR flood OR banjir OR election") { Limit = 2, Offset = offset }, None);
            Assert.Equal(all.Total, page.Total);
            pages.AddRange(page.Hits.Select(h => h.Id));
        }

        Assert.True(all.Total >= 5);
        Assert.Equal(all.Hits.Select(h => h.Id), pages);
        Assert.Empty((await store.SearchAsync(new SearchRequest("jakarta") { Offset = 100 }, None)).Hits);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unclosed phrase")]
    [InlineData("-")]
    [InlineData("OR")]
    [InlineData("flood OR")]
    [InlineData("OR OR flood")]
    [InlineData("-flood")]
    [InlineData("flood*")]
    [InlineData("NEAR(flood budget)")]
    [InlineData("title:flood")]
    [InlineData("(flood")]
    [InlineData("flood') ; DROP TABLE documents; --")]
    [InlineData("' OR 1=1 --")]
    [InlineData("a & b | !c <-> d:*")]
    [InlineData("^flood + {budget}")]
    [InlineData("\0\u0001\t\n")]
    [InlineData("🌊 banjir 🌊")]
    [InlineData("AND NOT")]
    public async Task Any_raw_input_is_safe(string query)
    {
        var store = await CreateStoreWithCorpusAsync();

        var results = await store.SearchAsync(new SearchRequest(query), None);
        var facets = await store.GetFacetsAsync(new SearchRequest(query), None);

        Assert.Equal(results.Total, facets.Total);
        Assert.Equal(TestArticles.Corpus.Count, await store.CountAsync(None));
    }

    [Fact]
    public async Task Punctuation_in_a_query_only_separates_words()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["news/flood-jakarta.txt"], await PathsAsync(store, new SearchRequest("flood') ; rivers --")));
    }
}
