using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Ingest.Claiming;

namespace Pipeline.Ingest.Watching;

/// <summary>
/// Watches the inbox. File system events only wake the loop early; every pass rescans the whole inbox, so
/// bursts that overflow the event buffer, folders created later and mounts that raise no events are all
/// found by the next rescan. Files are claimed once they have finished arriving.
/// </summary>
internal sealed class InboxWatcher(
    IOptions<IngestOptions> options,
    FileIntake intake,
    ClaimRecovery recovery,
    IBusControl bus,
    ILogger<InboxWatcher> logger,
    TimeProvider time) : BackgroundService
{
    /// <summary>Never spin: even a file due right now waits this long for its pass.</summary>
    private static readonly TimeSpan MinimumPause = TimeSpan.FromMilliseconds(10);

    /// <summary>How often a full work folder is counted again: files finish by the hundreds per second in a burst.</summary>
    private static readonly TimeSpan WorkFolderPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>A work folder full for this long is worth a warning; for a moment it is simply a burst.</summary>
    private static readonly TimeSpan WorkFolderPatience = TimeSpan.FromSeconds(30);

    private readonly IngestOptions _options = options.Value;
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var folder in new[] { _options.InboxFolder, _options.WorkFolder, _options.ArchiveFolder, _options.QuarantineFolder })
            Directory.CreateDirectory(folder);
        SameFileSystemCheck.Verify(_options.InboxFolder, _options.WorkFolder);

        // Publishing before the bus (and the queues bound to it) is up would drop messages on the floor.
        logger.WaitingForBus(_options.InboxFolder);
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);

        await recovery.RecoverAfterStartAsync(stoppingToken);
        using var watcher = _options.UseFileSystemEvents ? StartEvents() : null;
        logger.Watching(_options.InboxFolder, _options.WorkFolder, _options.DeleteAfterStore ? "(deleted)" : _options.ArchiveFolder, _options.QuarantineFolder);

        var scanner = new InboxScanner(_options.InboxFolder, new IgnoreRules(_options.IgnorePatterns));
        using var workFolder = new WorkFolderLimit(_options.WorkFolder, _options.MaxFilesInFlight, WorkFolderPoll,
            WorkFolderPatience, logger, time);
        var tracker = new StabilityTracker(_options.StabilityWindow, _options.MinimumAge, _options.GrowingFileTimeout);
        await using var slots = new ClaimSlots(_options.MaxConcurrentFiles, workFolder, intake.TakeAsync, logger, stoppingToken);
        var lastSweep = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Pass(scanner, tracker, slots);
                if (time.GetUtcNow() - lastSweep >= _options.RescanInterval)
                {
                    await recovery.SweepAsync(stoppingToken);
                    lastSweep = time.GetUtcNow();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failing pass (the ledger's disk full, the share gone) must not end the watcher for good:
                // files stay where they are, and the next pass tries again.
                logger.PassFailed(e);
            }

            // While files are settling, look again the moment the first of them has been quiet for the window:
            // polling at a fixed fraction of the window added up to half a window to every file's latency.
            // After an event, gather the burst into one scan, but not past that moment either: in a steady stream
            // events never stop, and a full debounce after each one held files due meanwhile for up to that long.
            if (await _wake.WaitAsync(UntilNextDecision(tracker, _options.RescanInterval), stoppingToken))
                await Task.Delay(UntilNextDecision(tracker, _options.EventDebounce), time, stoppingToken);
        }
    }

    /// <summary>Time until the first pending file is due, at least <see cref="MinimumPause"/> and at most <paramref name="longest"/>.</summary>
    private TimeSpan UntilNextDecision(StabilityTracker tracker, TimeSpan longest) => tracker.NextDecisionAt() is { } due
        ? Clamp(due - time.GetUtcNow(), MinimumPause, longest)
        : longest;

    /// <summary>One scan: files that have finished arriving go to the claim slots, which take them from there.</summary>
    private void Pass(InboxScanner scanner, StabilityTracker tracker, ClaimSlots slots)
    {
        slots.ForgetFinished();
        tracker.Observe(scanner.Scan(slots.IsInHand), time.GetUtcNow());
        slots.Hand(tracker.TakeDecided(time.GetUtcNow()));
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) =>
        value < min ? min : value > max ? max : value;

    private FileSystemWatcher? StartEvents()
    {
        try
        {
            var watcher = new FileSystemWatcher(_options.InboxFolder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Created += (_, _) => Wake();
            watcher.Changed += (_, _) => Wake();
            watcher.Renamed += (_, _) => Wake();
            watcher.Error += (_, e) =>
            {
                logger.EventsLost(e.GetException());
                Wake();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (IOException e)
        {
            // Typically the inotify watch limit: everything still works through rescans, only slower.
            logger.NoEvents(e, _options.InboxFolder, _options.RescanInterval);
            return null;
        }
    }

    private void Wake()
    {
        // Events arrive on several threads; the lock makes check-and-release one step, so the count never
        // exceeds one. The loop taking the count concurrently can only lower it.
        lock (_wake)
        {
            if (_wake.CurrentCount == 0)
                _wake.Release();
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
