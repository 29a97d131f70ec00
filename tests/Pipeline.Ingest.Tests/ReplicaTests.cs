using Pipeline.Contracts;
using Xunit.Abstractions;
using Pipeline.Ingest.Tests.Support;
using Pipeline.Testing.Processes;
using Pipeline.Testing.Messages;

namespace Pipeline.Ingest.Tests;

public sealed class ReplicaTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _shared = new();

    public void Dispose() => _shared.Dispose();

    [Fact]
    public async Task Two_replicas_watching_one_shared_inbox_publish_every_file_exactly_once()
    {
        const int count = 400;
        var sharedFolders = new Dictionary<string, string?>
        {
            // No stage here finishes files, so the whole burst must fit in the shared work folder.
            ["Ingest:MaxFilesInFlight"] = $"{count}",
            ["Ingest:InboxFolder"] = _shared.Combine("inbox"),
            ["Ingest:WorkFolder"] = _shared.Combine("work"),
            ["Ingest:ArchiveFolder"] = _shared.Combine("archive"),
            ["Ingest:QuarantineFolder"] = _shared.Combine("quarantine"),
        };
        await using var first = await IngestTestHost.StartAsync(sharedFolders);
        for (var i = 0; i < count / 2; i++)
            first.Drop($"wire/{i % 5}/story {i}.txt", $"Cerita nomor {i}");
        // The second replica starts while the first is busy, so its start-up recovery meets live foreign claims.
        await using var second = await IngestTestHost.StartAsync(sharedFolders);
        for (var i = count / 2; i < count; i++)
            first.Drop($"wire/{i % 5}/story {i}.txt", $"Cerita nomor {i}");

        IEnumerable<ArticleReceived> All() => first.Harness.Published.SoFar<ArticleReceived>().Concat(second.Harness.Published.SoFar<ArticleReceived>())
            .Select(m => m.Context.Message);
        await Eventually.WaitUntilAsync(() => All().Count() >= count && !Directory.EnumerateFiles(_shared.Combine("inbox"), "*", SearchOption.AllDirectories).Any(), TimeSpan.FromSeconds(60), $"{count} files are published and the inbox is empty");

        var published = All().ToList();
        output.WriteLine($"First replica published {first.Harness.Published.SoFar<ArticleReceived>().Count}, second {second.Harness.Published.SoFar<ArticleReceived>().Count}");
        Assert.Equal(count, published.Count);
        Assert.Equal(count, published.Select(m => m.Source.Path).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(count, Directory.GetFiles(_shared.Combine("work")).Length);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_shared.Combine("quarantine")));
    }
}
