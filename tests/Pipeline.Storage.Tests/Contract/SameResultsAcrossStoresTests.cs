using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Storage.Postgres;
using Pipeline.Storage.Sqlite;
using Pipeline.Testing.Postgres;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>One corpus in both engines: every query finds the same documents with the same total and facets.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the stores through IAsyncLifetime.DisposeAsync.")]
public sealed class SameResultsAcrossStoresTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pipeline-same-");
    private SqliteArticleStore? _sqlite;
    private PostgresArticleStore? _postgres;

    public static TheoryData<string> Queries { get; } = new()
    {
        "jakarta", "flood defences", "\"flood defences\"", "parliament OR brussels", "flood -budget", "bangun",
        "minister", "election", "the budget", "jakarta flood OR banjir", "nato ukraine", "warga", "-flood", "",
    };

    public async Task InitializeAsync()
    {
        _sqlite = new SqliteArticleStore(new StorageOptions { DataDirectory = _folder.FullName }, NullLogger<SqliteArticleStore>.Instance);
        _postgres = new PostgresArticleStore(
            new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = await postgres.CreateDatabaseAsync("same") },
            NullLogger<PostgresArticleStore>.Instance);
        await _sqlite.UpsertAsync(TestArticles.Corpus, CancellationToken.None);
        await _postgres.UpsertAsync(TestArticles.Corpus, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Both_stores_find_the_same_documents(string query)
    {
        var request = new SearchRequest(query) { Limit = 50 };

        var fromSqlite = await _sqlite!.SearchAsync(request, CancellationToken.None);
        var fromPostgres = await _postgres!.SearchAsync(request, CancellationToken.None);
        var facetsSqlite = await _sqlite.GetFacetsAsync(request, CancellationToken.None);
        var facetsPostgres = await _postgres.GetFacetsAsync(request, CancellationToken.None);

        Assert.Equal(fromSqlite.Total, fromPostgres.Total);
        Assert.Equal(fromSqlite.Hits.Select(h => h.Id).Order(), fromPostgres.Hits.Select(h => h.Id).Order());
        Assert.Equal(fromSqlite.Hits.Select(h => (h.Id, h.Snippet)).Order(), fromPostgres.Hits.Select(h => (h.Id, h.Snippet)).Order());
        Assert.Equal(facetsSqlite.Languages, facetsPostgres.Languages);
        Assert.Equal(facetsSqlite.Sources, facetsPostgres.Sources);
        Assert.Equal(facetsSqlite.Entities, facetsPostgres.Entities);
        Assert.Equal(facetsSqlite.Months, facetsPostgres.Months);
    }

    public async Task DisposeAsync()
    {
        await _postgres!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
