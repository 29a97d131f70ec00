using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pipeline.Storage.Postgres;
using Pipeline.Testing.Postgres;

namespace Pipeline.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL store merges its GIN pending lists on a connection of its own, against a real server. gin_clean_pending_list returns how many pending pages it merged, so a second call reading 0
/// shows the store's own cleanup already ran.
/// </summary>
public sealed class GinPendingListCleanerTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Writing_as_many_documents_as_configured_merges_the_pending_lists_on_its_own()
    {
        var connectionString = await postgres.CreateDatabaseAsync("gin");
        await using var store = Open(connectionString, mergeDocuments: TestArticles.Corpus.Count);

        await store.UpsertAsync(TestArticles.Corpus, None);
        await store.IndexMergeIdleAsync();

        foreach (var index in GinPendingListCleaner.Indexes)
            Assert.Equal(0, await CleanPendingListAsync(connectionString, index));
    }

    [Fact]
    public async Task Fewer_documents_stay_pending_until_a_merge_is_asked_for()
    {
        var leftPending = await postgres.CreateDatabaseAsync("gin");
        var mergedOnDemand = await postgres.CreateDatabaseAsync("gin");
        await using var storeLeftPending = Open(leftPending, mergeDocuments: TestArticles.Corpus.Count + 1);
        await using var storeMergedOnDemand = Open(mergedOnDemand, mergeDocuments: TestArticles.Corpus.Count + 1);

        await storeLeftPending.UpsertAsync(TestArticles.Corpus, None);
        await storeLeftPending.IndexMergeIdleAsync();
        await storeMergedOnDemand.UpsertAsync(TestArticles.Corpus, None);
        await storeMergedOnDemand.MergePendingIndexEntriesAsync();

        Assert.True(await CleanPendingListAsync(leftPending, "documents_search") > 0);
        Assert.Equal(0, await CleanPendingListAsync(mergedOnDemand, "documents_search"));
    }

    [Fact]
    public async Task The_migrated_indexes_let_the_pending_list_grow_beyond_the_default_before_inserts_merge_it()
    {
        var connectionString = await postgres.CreateDatabaseAsync("gin");
        await using var store = Open(connectionString);
        await store.InitializeAsync(None);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var index in GinPendingListCleaner.Indexes)
        {
            await using var command = new NpgsqlCommand("SELECT reloptions FROM pg_class WHERE relname = @index", connection);
            command.Parameters.AddWithValue("index", index);
            Assert.Equal(["gin_pending_list_limit=16384"], (string[])(await command.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task A_role_that_does_not_own_the_indexes_still_stores_and_finds_articles()
    {
        var connectionString = await postgres.CreateDatabaseAsync("gin");
        // Another role migrated the schema (a DBA, say); this one was granted what writing needs, but owns nothing.
        await using (var owner = Open(connectionString))
            await owner.InitializeAsync(None);
        var role = "writer_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var grant = new NpgsqlCommand($"""
                CREATE ROLE {role} LOGIN PASSWORD 'writer';
                GRANT USAGE, CREATE ON SCHEMA public TO {role};
                GRANT SELECT ON schema_migrations TO {role};
                GRANT SELECT, INSERT, UPDATE ON documents, source_paths TO {role};
                """, admin);
            await grant.ExecuteNonQueryAsync();
        }

        var asWriter = new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = "writer" }.ConnectionString;
        await using var store = Open(asWriter);
        var outcomes = await store.UpsertAsync(TestArticles.Corpus, None);
        await store.MergePendingIndexEntriesAsync();
        await store.UpsertAsync([TestArticles.Corpus[0] with { DocumentId = Guid.NewGuid() }], None);
        await store.MergePendingIndexEntriesAsync();

        Assert.All(outcomes, outcome => Assert.True(outcome.Created));
        Assert.Equal(TestArticles.Corpus.Count + 1, await store.CountAsync(None));
        Assert.NotEmpty((await store.SearchAsync(new SearchRequest(TestArticles.Corpus[0].Article.Title), None)).Hits);
        Assert.True(await CleanPendingListAsync(connectionString, "documents_search") > 0, "the entries stay pending for inserts or vacuum to merge");
    }

    private static PostgresArticleStore Open(string connectionString, int mergeDocuments = 500) => new(
        new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString, PostgresIndexMergeDocuments = mergeDocuments },
        NullLogger<PostgresArticleStore>.Instance);

    private static async Task<long> CleanPendingListAsync(string connectionString, string index)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT gin_clean_pending_list(@index::regclass)", connection);
        command.Parameters.AddWithValue("index", index);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
