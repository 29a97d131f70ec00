using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Ingest.Tests.Support;
using Pipeline.Ingest.Watching;
using Pipeline.Testing.Processes;

namespace Pipeline.Ingest.Tests;

/// <summary>The claim slots' bookkeeping, with a take that only records and waits as told.</summary>
public sealed class ClaimSlotsTests : IAsyncDisposable
{
    private readonly TempFolder _temp = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly WorkFolderLimit _workFolder;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _takes = new();
    private ClaimSlots? _slots;

    public ClaimSlotsTests()
    {
        _workFolder = new WorkFolderLimit(Directory.CreateDirectory(_temp.Combine("work")).FullName, 100,
            TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1), NullLogger.Instance, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_slots is not null)
            await _slots.DisposeAsync();
        _workFolder.Dispose();
        _stopping.Dispose();
        _temp.Dispose();
    }

    /// <summary>Slots whose take of a file lasts until <see cref="Finish"/> is called with its name.</summary>
    private ClaimSlots NewSlots(int count) => _slots = new(count, _workFolder,
        (arrival, stopping) => _takes.GetOrAdd(arrival.File.RelativePath, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(stopping),
        NullLogger.Instance, _stopping.Token);

    private Task Taking(string name) =>
        Eventually.WaitUntilAsync(() => _takes.ContainsKey(name), Eventually.DefaultTimeout, $"{name} is being taken");

    private void Finish(string name) => _takes[name].SetResult();

    private Arrival Arrive(string name)
    {
        var path = _temp.Combine(name);
        File.WriteAllText(path, name);
        var info = new FileInfo(path);
        return new Arrival(new InboxFile(path, name, info.Length, info.LastWriteTimeUtc, IsSymbolicLink: false), DateTimeOffset.UtcNow, ArrivalVerdict.Finished);
    }

    [Fact]
    public async Task A_file_in_hand_is_left_out_of_scans_until_its_slot_is_done_and_the_next_scan_begins()
    {
        var slots = NewSlots(1);
        var held = Arrive("held.txt");
        slots.Hand([held]);
        await Taking("held.txt");

        slots.ForgetFinished();
        Assert.True(slots.IsInHand(held.File.FullPath));

        // The only slot takes the next file once it is done with the held one.
        Finish("held.txt");
        slots.Hand([Arrive("next.txt")]);
        await Taking("next.txt");
        // Done, but a scan already under way may have listed the file before its claim moved it: still left out.
        Assert.True(slots.IsInHand(held.File.FullPath));
        slots.ForgetFinished();
        Assert.False(slots.IsInHand(held.File.FullPath));
    }

    [Fact]
    public async Task A_held_up_take_does_not_hold_up_the_files_handed_after_it()
    {
        var slots = NewSlots(2);
        slots.Hand([Arrive("slow.txt")]);
        await Taking("slow.txt");

        slots.Hand([Arrive("a.txt")]);
        await Taking("a.txt");
        Finish("a.txt");
        slots.Hand([Arrive("b.txt")]);
        await Taking("b.txt");

        Assert.False(_takes["slow.txt"].Task.IsCompleted);
    }

    [Fact]
    public async Task A_file_that_vanished_while_it_waited_is_not_taken()
    {
        var slots = NewSlots(1);
        slots.Hand([Arrive("first.txt")]);
        await Taking("first.txt");
        var gone = Arrive("gone.txt");
        slots.Hand([gone]);
        File.Delete(gone.File.FullPath);

        Finish("first.txt");
        slots.Hand([Arrive("last.txt")]);
        await Taking("last.txt");

        Assert.False(_takes.ContainsKey("gone.txt"));
    }
}
