using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Pipeline.Ingest.Watching;

/// <summary>
/// Claims decided files on a fixed number of slots, each file as soon as a slot is free, while the watcher goes on
/// scanning. Passes that claimed their files before the next scan made every file due meanwhile wait for the
/// slowest claim of the pass: at half the bench's saturating rate, passes grew to 70-250 ms and p99 past 600 ms.
/// </summary>
/// <remarks>
/// A file stays "in hand" from <see cref="Hand"/> until its slot is done with it. The watcher's scans must not
/// judge it again meanwhile, since it still lies in the inbox until its claim renames it. Slots report the files
/// they are done with, and the watcher forgets them only right before a scan (<see cref="ForgetFinished"/>), so a
/// scan that began before a claim's rename never finds the file free again.
/// </remarks>
internal sealed class ClaimSlots : IAsyncDisposable
{
    private readonly Channel<Arrival> _queue = Channel.CreateUnbounded<Arrival>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly ConcurrentQueue<string> _finished = new();
    private readonly HashSet<string> _inHand = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _inHandByPath;
    private readonly WorkFolderLimit _workFolder;
    private readonly Func<Arrival, CancellationToken, Task> _take;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly Task[] _slots;

    /// <param name="take">Claims one file; failures are logged and the file is left for a later scan.</param>
    /// <param name="stopping">Ends every slot; files not yet claimed stay in the inbox for the next start.</param>
    public ClaimSlots(int count, WorkFolderLimit workFolder, Func<Arrival, CancellationToken, Task> take, ILogger logger,
        CancellationToken stopping)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _workFolder = workFolder;
        _take = take;
        _logger = logger;
        _stopping = stopping;
        _inHandByPath = _inHand.GetAlternateLookup<ReadOnlySpan<char>>();
        _slots = Enumerable.Range(0, count).Select(_ => Task.Run(RunSlotAsync, CancellationToken.None)).ToArray();
    }

    /// <summary>Hands decided files to the slots. The watcher's loop only, like the two members below.</summary>
    public void Hand(IEnumerable<Arrival> arrivals)
    {
        foreach (var arrival in arrivals)
        {
            _inHand.Add(arrival.File.FullPath);
            _queue.Writer.TryWrite(arrival);
        }
    }

    /// <summary>Lets go of the files the slots are done with; call it before a scan, never between a scan and its use.</summary>
    public void ForgetFinished()
    {
        while (_finished.TryDequeue(out var path))
            _inHand.Remove(path);
    }

    /// <summary>Whether the file is in hand; for <see cref="InboxScanner.Scan"/>, which must not judge it again.</summary>
    public bool IsInHand(ReadOnlySpan<char> fullPath) => _inHand.Count > 0 && _inHandByPath.Contains(fullPath);

    private async Task RunSlotAsync()
    {
        try
        {
            await foreach (var arrival in _queue.Reader.ReadAllAsync(_stopping))
                await TakeOneAsync(arrival);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: what is still queued stays in the inbox.
        }
    }

    private async Task TakeOneAsync(Arrival arrival)
    {
        try
        {
            using var ticket = await _workFolder.WaitForRoomAsync(_stopping);
            if (arrival.Verdict == ArrivalVerdict.Finished && !UnchangedSinceJudged(arrival.File))
                return;
            await _take(arrival, _stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            // The file stays where it is (inbox or work folder) and the ledger says how far it got; the next
            // scan or sweep picks it up again. The slot goes on with other files.
            _logger.IngestFailed(e, arrival.File.RelativePath);
        }
        finally
        {
            _finished.Enqueue(arrival.File.FullPath);
        }
    }

    /// <summary>
    /// A file can wait long for room in the work folder. Rewritten meanwhile, it is let go of, so the next scan judges
    /// it again (the claim would find it changed and quarantine it); gone meanwhile, there is nothing to claim.
    /// </summary>
    private static bool UnchangedSinceJudged(InboxFile file)
    {
        var now = new FileInfo(file.FullPath);
        return now.Exists && now.Length == file.SizeBytes && now.LastWriteTimeUtc == file.LastWriteUtc.UtcDateTime;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_slots);
    }
}
