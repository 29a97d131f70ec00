namespace Pipeline.Storage.Tests.Contract;

public abstract partial class ArticleStoreContract
{
    [Fact]
    public async Task The_language_filter_keeps_one_language()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["berita/banjir.txt"], await PathsAsync(store, new SearchRequest("jakarta") { Language = "id" }));
        Assert.Equal(["news/flood-jakarta.txt"], await PathsAsync(store, new SearchRequest("jakarta") { Language = "EN" }));
    }

    [Fact]
    public async Task The_date_range_is_inclusive_and_skips_undated_articles()
    {
        var store = await CreateStoreWithCorpusAsync();

        var request = new SearchRequest("") { From = new DateOnly(2024, 2, 3), To = new DateOnly(2024, 3, 5), Limit = 50 };

        Assert.Equal(["berita/banjir.txt", "berita/perumahan.txt", "news/budget.txt"], await PathsAsync(store, request));
    }

    [Fact]
    public async Task The_source_filter_ignores_case()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["berita/perumahan.txt", "news/flood-jakarta.txt", "news/orban.txt"], await PathsAsync(store, new SearchRequest("") { Source = "Antara" }));
        Assert.Equal(["news/orban.txt"], await PathsAsync(store, new SearchRequest("nato") { Source = "ap" }));
    }

    [Fact]
    public async Task The_entity_filter_finds_every_article_mentioning_it()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["news/orban.txt"], await PathsAsync(store, new SearchRequest("") { Entity = "viktor orban" }));
        Assert.Equal(["berita/banjir.txt", "berita/perumahan.txt", "news/flood-jakarta.txt"], await PathsAsync(store, new SearchRequest(" ") { Entity = "Jakarta" }));
    }

    [Fact]
    public async Task The_site_filter_keeps_one_site()
    {
        var store = await CreateStoreWithCorpusAsync();

        Assert.Equal(["berita/perumahan.txt", "news/flood-jakarta.txt"], await PathsAsync(store, new SearchRequest("") { Site = "example news" }));
    }

    [Fact]
    public async Task A_blank_query_lists_filtered_articles_newest_first()
    {
        var store = await CreateStoreWithCorpusAsync();

        var results = await store.SearchAsync(new SearchRequest("") { Entity = "Jakarta" }, None);

        Assert.Equal(["2024-03-05", "2024-02-20", "2024-01-15"], results.Hits.Select(h => h.PublishedAt));
    }

    [Fact]
    public async Task Facets_count_languages_sources_entities_and_months_of_what_matches()
    {
        var store = await CreateStoreWithCorpusAsync();

        var all = await store.GetFacetsAsync(new SearchRequest(""), None);
        var jakarta = await store.GetFacetsAsync(new SearchRequest("jakarta"), None);

        Assert.Equal(7, all.Total);
        Assert.Equal([new FacetCount("en", 5), new FacetCount("id", 2)], all.Languages);
        Assert.Equal(new FacetCount("ANTARA", 3), all.Sources[0]);
        Assert.Equal(["AP", "Kompas", "Reuters"], all.Sources.Skip(1).Select(s => s.Value));
        Assert.Equal(new FacetCount("Jakarta", 3), all.Entities[0]);
        Assert.Equal(
            ["2024-01", "2024-02", "2024-03", "2024-06", "unknown"],
            all.Months.Select(m => m.Value));
        Assert.Equal(2, all.Months.Single(m => m.Value == "2024-02").Count);

        Assert.Equal(2, jakarta.Total);
        Assert.Equal([new FacetCount("en", 1), new FacetCount("id", 1)], jakarta.Languages);
        Assert.Equal([new FacetCount("Jakarta", 2), new FacetCount("Heru Budi", 1)], jakarta.Entities);
    }
}
