using System.IO.Enumeration;
using Microsoft.Extensions.Logging;

namespace Pipeline.Ingest.Watching;

/// <summary>
/// Back-pressure for bursts: a file is only claimed while the work folder (every claimed file not yet stored or
/// quarantined, by whichever replica) holds fewer than the limit. The rest of a burst waits in the inbox, where
/// it costs nothing, instead of in the queues between the stages, where it costs the embedded process's memory
/// and the broker's disk. Replicas sharing the work folder share the limit.
/// </summary>
/// <remarks>
/// Counting the folder for every file would cost a directory read per claim, so the count is kept as an
/// estimate that only goes up (one per claim) and is corrected by a real count when it reaches the limit:
/// one directory read per (limit - files in flight) claims while there is room, one per poll interval while
/// there is none. A real count adds the claims past the gate whose rename may not have happened yet, so the
/// folder never goes over the limit (it may count a file twice for a moment, which only delays the next claim).
/// </remarks>
internal sealed class WorkFolderLimit(string workFolder, int limit, TimeSpan pollInterval, TimeSpan patience,
    ILogger logger, TimeProvider time) : IDisposable
{
    private static readonly EnumerationOptions CountOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _estimate = int.MaxValue;
    private int _claiming;

    /// <summary>
    /// Returns once one more file may be claimed, counting that file in. Dispose the ticket once the claim is over
    /// (claimed, refused or lost to another replica): from then on the folder itself says whether it holds the file.
    /// </summary>
    public async Task<ClaimTicket> WaitForRoomAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (_estimate >= limit)
                _estimate = CountFiles();
            if (_estimate >= limit)
                await WaitUntilBelowLimitAsync(cancellationToken);
            _estimate++;
            Interlocked.Increment(ref _claiming);
            return new ClaimTicket(this);
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task WaitUntilBelowLimitAsync(CancellationToken cancellationToken)
    {
        var fullSince = time.GetTimestamp();
        var warned = false;
        while (_estimate >= limit)
        {
            if (!warned && time.GetElapsedTime(fullSince) >= patience)
            {
                // Normal for a moment during a burst; for this long, the stages after ingest are slow or down.
                logger.WorkFolderFull(_estimate, limit, patience);
                warned = true;
            }

            await Task.Delay(pollInterval, time, cancellationToken);
            _estimate = CountFiles();
        }

        if (warned)
            logger.WorkFolderHasRoom(_estimate, limit);
    }

    private int CountFiles() => Volatile.Read(ref _claiming) + FilesIn(workFolder);

    /// <summary>
    /// The files directly in the folder (folders not counted), without building a path per file: a full folder is
    /// counted a hundred times a second during a burst, and the paths came to about 25,000 strings a second.
    /// </summary>
    internal static int FilesIn(string folder)
    {
        if (!Directory.Exists(folder))
            return 0;
        var count = 0;
        foreach (var _ in new FileSystemEnumerable<byte>(folder, static (ref _) => 0, CountOptions)
                 {
                     ShouldIncludePredicate = static (ref entry) => !entry.IsDirectory,
                 })
            count++;
        return count;
    }

    /// <summary>A claim let through the gate; disposing it says the claim is over.</summary>
    public readonly struct ClaimTicket(WorkFolderLimit limit) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref limit._claiming);
    }

    public void Dispose() => _turn.Dispose();
}
