namespace Pipeline.Storage.Tests.Contract;

public abstract partial class ArticleStoreContract
{
    [Fact]
    public async Task A_changed_file_under_the_same_path_is_a_new_version_and_search_sees_only_the_latest()
    {
        var store = await CreateStoreAsync();
        var first = TestArticles.Create("desk/report.txt", "Harbour report", "Ships queued at the harbour overnight.", droppedAt: TestArticles.BaseTime);
        var second = TestArticles.Create("desk/report.txt", "Harbour report", "Ships left the harbour at dawn.", droppedAt: TestArticles.BaseTime.AddMinutes(5));

        await store.UpsertAsync([first], None);
        var outcome = await store.UpsertAsync([second], None);

        Assert.True(Assert.Single(outcome).Created);
        Assert.Equal(2, await store.CountAsync(None));
        var hits = await store.SearchAsync(new SearchRequest("harbour"), None);
        Assert.Equal(second.DocumentId, Assert.Single(hits.Hits).Id);
        Assert.Equal(1, hits.Total);
        Assert.Equal(0, (await store.SearchAsync(new SearchRequest("queued"), None)).Total);

        var old = await store.GetAsync(first.DocumentId, None);
        var latest = await store.GetAsync(second.DocumentId, None);
        Assert.Equal((1, false), (old!.Version, old.IsCurrent));
        Assert.Equal((2, true), (latest!.Version, latest.IsCurrent));
        var versions = await store.GetVersionsAsync("desk/report.txt", None);
        Assert.Equal([first.DocumentId, second.DocumentId], versions.Select(v => v.DocumentId));
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal([false, true], versions.Select(v => v.IsCurrent));
    }

    [Fact]
    public async Task Versions_indexed_out_of_order_keep_the_one_dropped_last_current()
    {
        var store = await CreateStoreAsync();
        var older = TestArticles.Create("desk/late.txt", "Port notice", "The port closes early.", droppedAt: TestArticles.BaseTime);
        var newer = TestArticles.Create("desk/late.txt", "Port notice", "The port stays open late.", droppedAt: TestArticles.BaseTime.AddMinutes(1));

        await store.UpsertAsync([newer], None);
        await store.UpsertAsync([older], None);

        var hits = await store.SearchAsync(new SearchRequest("port"), None);
        Assert.Equal(newer.DocumentId, Assert.Single(hits.Hits).Id);
        Assert.Equal([older.DocumentId, newer.DocumentId], (await store.GetVersionsAsync("desk/late.txt", None)).Select(v => v.DocumentId));
    }

    [Fact]
    public async Task Versions_of_one_path_in_one_batch_leave_exactly_one_current()
    {
        var store = await CreateStoreAsync();
        var versions = Enumerable.Range(0, 5)
            .Select(i => TestArticles.Create("desk/many.txt", "Tide table", $"Tide table revision {i}.", droppedAt: TestArticles.BaseTime.AddSeconds(10 - i)))
            .ToArray();

        await store.UpsertAsync(versions, None);

        var stored = await store.GetVersionsAsync("desk/many.txt", None);
        Assert.Equal(versions.Reverse().Select(v => v.DocumentId), stored.Select(v => v.DocumentId));
        Assert.Equal(versions[0].DocumentId, Assert.Single(stored, v => v.IsCurrent).DocumentId);
        Assert.Equal(1, (await store.SearchAsync(new SearchRequest("tide"), None)).Total);
    }

    [Fact]
    public async Task Versions_of_one_path_from_workers_writing_at_once_leave_the_latest_current()
    {
        var first = await CreateStoreAsync();
        await first.InitializeAsync(None);
        var versions = Enumerable.Range(0, 8)
            .Select(i => TestArticles.Create("desk/race.txt", "Shift log", $"Shift log entry {i}.", droppedAt: TestArticles.BaseTime.AddSeconds(i)))
            .ToArray();
        var workers = versions.Select(_ => OpenSameDatabase(first)).ToArray();
        await Task.WhenAll(workers.Select(worker => worker.InitializeAsync(None)));
        using var start = new Barrier(workers.Length);

        await Task.WhenAll(workers.Select((worker, i) => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return worker.UpsertAsync([versions[i]], None);
        })));

        var stored = await first.GetVersionsAsync("desk/race.txt", None);
        Assert.Equal(versions.Select(v => v.DocumentId), stored.Select(v => v.DocumentId));
        Assert.Equal(versions[^1].DocumentId, Assert.Single(stored, v => v.IsCurrent).DocumentId);
    }
}
