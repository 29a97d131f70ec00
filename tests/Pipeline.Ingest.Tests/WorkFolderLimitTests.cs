using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts;
using Pipeline.Ingest.Tests.Support;
using Pipeline.Ingest.Watching;
using Pipeline.Testing.Logging;
using Pipeline.Testing.Messages;
using Pipeline.Testing.Processes;

namespace Pipeline.Ingest.Tests;

/// <summary>Back-pressure: a burst waits in the inbox once the work folder holds the configured number of files.</summary>
public sealed class WorkFolderLimitTests : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static WorkFolderLimit NewLimit(string workFolder, int limit) =>
        new(workFolder, limit, Poll, TimeSpan.FromMinutes(1), NullLogger.Instance, TimeProvider.System);

    [Fact]
    public async Task Files_already_in_the_work_folder_count_against_the_limit()
    {
        var work = Directory.CreateDirectory(_temp.Combine("work")).FullName;
        File.WriteAllText(Path.Combine(work, "a.txt"), "a");
        File.WriteAllText(Path.Combine(work, "b.txt"), "b");
        using var limit = NewLimit(work, 3);

        using (await limit.WaitForRoomAsync(CancellationToken.None))
            File.WriteAllText(Path.Combine(work, "c.txt"), "c");
        var fourth = limit.WaitForRoomAsync(CancellationToken.None);
        await Task.Delay(Poll * 10);
        Assert.False(fourth.IsCompleted);

        File.Delete(Path.Combine(work, "a.txt"));
        using var ticket = await fourth.WaitAsync(Eventually.DefaultTimeout);
    }

    [Fact]
    public void Files_and_links_count_as_files_in_flight_and_folders_do_not()
    {
        var work = Directory.CreateDirectory(_temp.Combine("work")).FullName;
        File.WriteAllText(Path.Combine(work, "a.txt"), "a");
        File.WriteAllText(Path.Combine(work, ".hidden.txt"), "b");
        File.CreateSymbolicLink(Path.Combine(work, "link.txt"), _temp.Combine("nowhere"));
        Directory.CreateDirectory(Path.Combine(work, "folder"));
        File.WriteAllText(Path.Combine(work, "folder", "inside.txt"), "c");

        Assert.Equal(3, WorkFolderLimit.FilesIn(work));
        Assert.Equal(0, WorkFolderLimit.FilesIn(_temp.Combine("not there")));
    }

    [Fact]
    public void Counting_a_full_folder_builds_no_path_per_file()
    {
        var work = Directory.CreateDirectory(_temp.Combine("work")).FullName;
        const int files = 256;
        for (var i = 0; i < files; i++)
            File.WriteAllText(Path.Combine(work, $"{Guid.NewGuid():N}.txt"), "x");
        Assert.Equal(files, WorkFolderLimit.FilesIn(work));

        var before = GC.GetAllocatedBytesForCurrentThread();
        WorkFolderLimit.FilesIn(work);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One path per file would be 256 strings of over 100 characters: more than 50 KB.
        Assert.True(allocated < 8 * 1024, $"{allocated} bytes allocated to count {files} files");
    }

    [Fact]
    public async Task Claims_past_the_gate_count_before_their_files_reach_the_folder()
    {
        var work = Directory.CreateDirectory(_temp.Combine("work")).FullName;
        using var limit = NewLimit(work, 2);
        var first = await limit.WaitForRoomAsync(CancellationToken.None);
        var second = await limit.WaitForRoomAsync(CancellationToken.None);

        // Neither claim has renamed its file yet: the folder is empty, but both are in flight.
        var third = limit.WaitForRoomAsync(CancellationToken.None);
        await Task.Delay(Poll * 10);
        Assert.False(third.IsCompleted);

        first.Dispose();
        using var ticket = await third.WaitAsync(Eventually.DefaultTimeout);
        second.Dispose();
    }

    [Fact]
    public async Task A_folder_full_longer_than_the_patience_is_warned_about_once_and_its_end_is_told()
    {
        var work = Directory.CreateDirectory(_temp.Combine("work")).FullName;
        File.WriteAllText(Path.Combine(work, "a.txt"), "a");
        var log = new RecordingLogger();
        using var limit = new WorkFolderLimit(work, 1, Poll, TimeSpan.FromMilliseconds(100), log, TimeProvider.System);

        var waiting = limit.WaitForRoomAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => log.Entries.Count > 0, Eventually.DefaultTimeout, "the long wait is warned about");
        await Task.Delay(Poll * 10);
        File.Delete(Path.Combine(work, "a.txt"));
        using (await waiting.WaitAsync(Eventually.DefaultTimeout))
        {
        }

        Assert.Equal([LogLevel.Warning, LogLevel.Information], log.Entries.Select(e => e.Level));
    }

    [Fact]
    public async Task While_the_work_folder_is_full_the_sweep_still_republishes_what_got_stuck()
    {
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Ingest:MaxConcurrentFiles"] = "1",
            ["Ingest:MaxFilesInFlight"] = "2",
            ["Ingest:RepublishAfter"] = "00:00:01",
        });
        for (var i = 0; i < 4; i++)
            host.Drop($"stuck/{i}.txt", $"Artikel nomor {i}");

        // Nothing downstream ever answers: the first two are published again and again, the other two wait.
        await Eventually.WaitUntilAsync(() => Received(host).Count >= 4, Eventually.DefaultTimeout, "the stuck files are published again");
        Assert.Equal(2, Received(host).Select(m => m.CorrelationId).Distinct().Count());
        Assert.Equal(2, Directory.EnumerateFiles(host.Inbox("stuck")).Count());
    }

    [Fact]
    public async Task A_burst_beyond_the_limit_waits_in_the_inbox_until_files_are_finished()
    {
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Ingest:MaxConcurrentFiles"] = "2",
            ["Ingest:MaxFilesInFlight"] = "3",
        });
        for (var i = 0; i < 5; i++)
            host.Drop($"burst/{i}.txt", $"Artikel nomor {i}");

        await Eventually.WaitUntilAsync(() => Received(host).Count >= 3, Eventually.DefaultTimeout, "three files are published");
        // Several rescans later, nothing more was claimed: the other two wait in the inbox.
        await Task.Delay(host.Options.RescanInterval * 3);
        Assert.Equal(3, Received(host).Count);
        Assert.Equal(3, Directory.EnumerateFiles(host.Options.WorkFolder).Count());
        Assert.Equal(2, Directory.EnumerateFiles(host.Inbox("burst")).Count());

        foreach (var received in Received(host))
            await host.Harness.Bus.Publish(StageAnswers.Indexed(received));

        await Eventually.WaitUntilAsync(() => Received(host).Count == 5, Eventually.DefaultTimeout, "the rest of the burst is published once the first files are stored");
        Assert.Empty(Directory.EnumerateFiles(host.Inbox("burst")));
    }

    private static IReadOnlyList<ArticleReceived> Received(IngestTestHost host) =>
        host.Harness.Published.MessagesSoFar<ArticleReceived>();
}
