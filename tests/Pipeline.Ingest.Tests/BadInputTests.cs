using System.Runtime.Versioning;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts;
using Pipeline.Ingest.Claiming;
using Pipeline.Ingest.Ledger;
using Pipeline.Ingest.Tests.Support;
using Pipeline.Testing.Processes;
using Pipeline.Ingest.Watching;
using Pipeline.Testing.Messages;

namespace Pipeline.Ingest.Tests;

/// <summary>Files ingest refuses itself: each ends in quarantine with a reason, none is published.</summary>
public class BadInputTests
{
    private static async Task<JsonElement> QuarantinedAsync(IngestTestHost host, string relativePath)
    {
        var reasonPath = Path.Combine(host.Options.QuarantineFolder, relativePath) + ".reason.json";
        await Eventually.WaitUntilAsync(() => File.Exists(reasonPath) && FileFinisherEntryExists(Path.Combine(host.Options.QuarantineFolder, relativePath)), Eventually.DefaultTimeout, $"{relativePath} is quarantined beside its reason");
        using var reason = JsonDocument.Parse(await File.ReadAllTextAsync(reasonPath));
        var root = reason.RootElement.Clone();
        Assert.Equal(Stages.Ingest, root.GetProperty("stage").GetString());
        Assert.Equal(relativePath, root.GetProperty("file").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("whatToDo").GetString()));
        Assert.True(root.TryGetProperty("time", out _));
        return root;
    }

    private static bool FileFinisherEntryExists(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static void AssertNothingPublished(IngestTestHost host) => Assert.Empty(host.Harness.Published.SoFar<ArticleReceived>());

    [Fact]
    public async Task An_empty_file_is_quarantined()
    {
        await using var host = await IngestTestHost.StartAsync();

        host.Drop("empty.txt", "");

        var reason = await QuarantinedAsync(host, "empty.txt");
        Assert.Contains("empty", reason.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        AssertNothingPublished(host);
        var claim = Assert.Single(await host.Services.GetRequiredService<IngestLedger>().FindByStateAsync(ClaimState.Quarantined));
        Assert.Equal("empty.txt", claim.SourcePath);
    }

    [Fact]
    public async Task A_file_above_the_size_limit_is_quarantined_unread()
    {
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxFileSizeBytes"] = "100" });

        host.Drop("huge.txt", new string('x', 500));

        var reason = await QuarantinedAsync(host, "huge.txt");
        Assert.Contains("500 bytes, above the limit of 100 bytes", reason.GetProperty("error").GetString(), StringComparison.Ordinal);
        AssertNothingPublished(host);
        Assert.Equal(500, new FileInfo(Path.Combine(host.Options.QuarantineFolder, "huge.txt")).Length);
    }

    [Fact]
    public async Task A_symbolic_link_to_a_file_outside_is_quarantined_as_a_link_and_never_read()
    {
        await using var host = await IngestTestHost.StartAsync();
        var outside = host.Temp.Combine("outside secret.txt");
        await File.WriteAllTextAsync(outside, "never to be published");

        File.CreateSymbolicLink(host.Inbox("innocent.txt"), outside);

        var reason = await QuarantinedAsync(host, "innocent.txt");
        Assert.Contains("symbolic link", reason.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(outside, new FileInfo(Path.Combine(host.Options.QuarantineFolder, "innocent.txt")).LinkTarget);
        Assert.Equal("never to be published", await File.ReadAllTextAsync(outside));
        AssertNothingPublished(host);
    }

    [Fact]
    public async Task A_symbolic_link_to_a_folder_outside_is_quarantined_and_not_entered()
    {
        await using var host = await IngestTestHost.StartAsync();
        var outside = Directory.CreateDirectory(host.Temp.Combine("outside folder")).FullName;
        await File.WriteAllTextAsync(Path.Combine(outside, "private.txt"), "stays where it is");

        Directory.CreateSymbolicLink(host.Inbox("shared"), outside);

        await QuarantinedAsync(host, "shared");
        Assert.Equal("stays where it is", await File.ReadAllTextAsync(Path.Combine(outside, "private.txt")));
        AssertNothingPublished(host);
    }

    [Fact]
    public async Task A_file_that_keeps_growing_is_quarantined()
    {
        // A window far above the writer's 40 ms pace, so a busy machine pausing the writer cannot make the file look finished.
        await using var host = await IngestTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Ingest:StabilityWindow"] = "00:00:01",
            ["Ingest:GrowingFileTimeout"] = "00:00:02.500",
        });
        var path = host.Inbox("live log.txt");
        using var stopWriting = new CancellationTokenSource();
        // The writer keeps its handle, so it goes on appending to the same file wherever ingest moves it.
        var writer = Task.Run(async () =>
        {
            await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(40));
            while (await ticks.WaitForNextTickAsync(stopWriting.Token).AsTask().ContinueWith(t => !t.IsCanceled, TaskScheduler.Default))
            {
                await stream.WriteAsync("more words "u8.ToArray());
                await stream.FlushAsync();
            }
        });

        try
        {
            var reason = await QuarantinedAsync(host, "live log.txt");
            Assert.Contains("still changing", reason.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await stopWriting.CancelAsync();
            await writer;
        }
        AssertNothingPublished(host);
    }

    [NotRootFact]
    [UnsupportedOSPlatform("windows")]
    public async Task An_unreadable_file_is_quarantined_with_what_to_do()
    {
        await using var host = await IngestTestHost.StartAsync();
        var staging = host.Temp.Combine("locked.txt");
        await File.WriteAllTextAsync(staging, "cannot be read");
        File.SetUnixFileMode(staging, UnixFileMode.None);

        File.Move(staging, host.Inbox("locked.txt"));

        var reason = await QuarantinedAsync(host, "locked.txt");
        Assert.Contains("cannot be read", reason.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("permission", reason.GetProperty("whatToDo").GetString(), StringComparison.Ordinal);
        AssertNothingPublished(host);
    }

    [Fact]
    public async Task A_file_rewritten_after_it_was_judged_finished_is_quarantined()
    {
        await using var host = await IngestTestHost.StartAsync();
        var intake = host.Services.GetRequiredService<FileIntake>();
        // Staged outside the inbox so only this test's intake call touches it.
        var path = host.Temp.Combine("rewritten.txt");
        await File.WriteAllTextAsync(path, "first version");
        var arrival = JudgedFinished(path);
        await File.WriteAllTextAsync(path, "a second, longer version");

        Assert.True(await intake.TakeAsync(arrival, CancellationToken.None));

        var reason = await QuarantinedAsync(host, "rewritten.txt");
        Assert.Contains("changed while it was being read", reason.GetProperty("error").GetString(), StringComparison.Ordinal);
        AssertNothingPublished(host);
    }

    [Fact]
    public async Task A_file_swapped_for_a_link_after_it_was_judged_is_quarantined_as_a_link_and_never_read()
    {
        await using var host = await IngestTestHost.StartAsync();
        var intake = host.Services.GetRequiredService<FileIntake>();
        var outside = host.Temp.Combine("outside secret.txt");
        await File.WriteAllTextAsync(outside, "never to be published");
        // Staged outside the inbox so only this test's intake call touches it: judged a plain file, a link by the claim.
        var path = host.Temp.Combine("swapped.txt");
        await File.WriteAllTextAsync(path, "a plain file when judged");
        var arrival = JudgedFinished(path);
        File.Delete(path);
        File.CreateSymbolicLink(path, outside);

        Assert.True(await intake.TakeAsync(arrival, CancellationToken.None));

        var reason = await QuarantinedAsync(host, "swapped.txt");
        Assert.Contains("symbolic link", reason.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains(outside, reason.GetProperty("error").GetString(), StringComparison.Ordinal);
        AssertNothingPublished(host);
    }

    [Fact]
    public async Task A_file_that_vanished_before_the_claim_is_simply_not_taken()
    {
        await using var host = await IngestTestHost.StartAsync();
        var intake = host.Services.GetRequiredService<FileIntake>();
        var arrival = new Arrival(new InboxFile(host.Inbox("gone.txt"), "gone.txt", 10, DateTimeOffset.UtcNow, IsSymbolicLink: false),
            DateTimeOffset.UtcNow, ArrivalVerdict.Finished);

        Assert.False(await intake.TakeAsync(arrival, CancellationToken.None));

        // The watcher creates these folders on its own thread, maybe not yet: a folder that is not there holds nothing.
        // It may also be checking that the work folder shares the inbox's file system right now, with a probe file of
        // its own there for a moment (a full run failed on that once): only a claimed file would mean the file was taken.
        Assert.Empty(EntriesIn(host.Options.QuarantineFolder));
        Assert.DoesNotContain(EntriesIn(host.Options.WorkFolder), path => WorkFiles.TryParse(path, out _));
    }

    /// <summary>The file as the watcher would have judged it now: a plain file, finished.</summary>
    private static Arrival JudgedFinished(string path)
    {
        var seen = new FileInfo(path);
        return new Arrival(new InboxFile(path, seen.Name, seen.Length, seen.LastWriteTimeUtc, IsSymbolicLink: false),
            DateTimeOffset.UtcNow, ArrivalVerdict.Finished);
    }

    private static IEnumerable<string> EntriesIn(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFileSystemEntries(folder) : [];
}
