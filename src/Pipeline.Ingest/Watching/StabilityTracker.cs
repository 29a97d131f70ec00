namespace Pipeline.Ingest.Watching;

/// <summary>
/// Remembers what each inbox file looked like across scans and says when it has finished arriving:
/// size and modification time unchanged for the stability window (or already older than the minimum age
/// when first seen). Pure bookkeeping: the caller passes the time, so tests need no clock.
/// </summary>
/// <remarks>
/// A file is quiet since the later of its last write and the scan before the one that saw it (the scan that
/// saw the file, or its change, was not the moment it happened: every write moves the modification time, so a
/// time between the two scans is when the writer stopped). Never earlier than that previous scan, so a
/// modification time set by hand (copies that keep it) or by a share with a slow clock can gain the file no
/// more than the time between two scans.
/// </remarks>
internal sealed class StabilityTracker(TimeSpan stabilityWindow, TimeSpan minimumAge, TimeSpan growingTimeout)
{
    private readonly Dictionary<string, Observation> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastScan;

    public int PendingCount => _seen.Count;

    /// <summary>
    /// The earliest time a pending file can have stayed unchanged for the whole window, so the watcher looks again
    /// exactly then instead of polling; null when nothing is pending.
    /// </summary>
    public DateTimeOffset? NextDecisionAt()
    {
        DateTimeOffset? earliest = null;
        foreach (var observation in _seen.Values)
        {
            var due = observation.UnchangedSince + WindowFor(observation.File);
            if (earliest is null || due < earliest) earliest = due;
        }

        return earliest;
    }

    /// <summary>Records one full scan; files missing from it are forgotten (claimed elsewhere or deleted).</summary>
    public void Observe(IReadOnlyCollection<InboxFile> scan, DateTimeOffset now)
    {
        var previousScan = _lastScan;
        _lastScan = now;
        var present = new HashSet<string>(scan.Count, StringComparer.Ordinal);
        foreach (var file in scan)
        {
            present.Add(file.FullPath);
            if (!_seen.TryGetValue(file.FullPath, out var previous))
                _seen[file.FullPath] = new Observation(file, FirstSeen: now, QuietSince(file, previousScan, now), ChangedSinceSeen: false);
            else if (previous.File.SizeBytes != file.SizeBytes || previous.File.LastWriteUtc != file.LastWriteUtc)
                _seen[file.FullPath] = previous with { File = file, UnchangedSince = QuietSince(file, previousScan, now), ChangedSinceSeen = true };
        }

        if (present.Count == _seen.Count)
            return;
        foreach (var path in _seen.Keys.Where(p => !present.Contains(p)).ToList())
            _seen.Remove(path);
    }

    /// <summary>Hands out (and forgets) every file that is ready to claim or must be quarantined.</summary>
    public List<Arrival> TakeDecided(DateTimeOffset now)
    {
        var decided = new List<Arrival>();
        foreach (var observation in _seen.Values)
        {
            var verdict = Judge(observation, now);
            if (verdict is { } v)
                decided.Add(new Arrival(observation.File, observation.FirstSeen, v));
        }
        foreach (var arrival in decided)
            _seen.Remove(arrival.File.FullPath);
        return decided;
    }

    private ArrivalVerdict? Judge(Observation observation, DateTimeOffset now)
    {
        var file = observation.File;
        if (file.IsSymbolicLink)
            return ArrivalVerdict.SymbolicLink;
        var quietFor = now - observation.UnchangedSince;
        var untouchedFor = now - file.LastWriteUtc;
        if (quietFor >= WindowFor(file) || (!observation.ChangedSinceSeen && untouchedFor >= minimumAge))
            return ArrivalVerdict.Finished;
        if (now - observation.FirstSeen >= growingTimeout)
            return ArrivalVerdict.KeepsGrowing;
        return null;
    }

    /// <summary>
    /// Producers often create a file and write it a moment later: an empty file must stay empty for the minimum
    /// age, not just the short stability window, before it is judged (and quarantined as empty).
    /// </summary>
    private TimeSpan WindowFor(InboxFile file) =>
        file.SizeBytes == 0 && minimumAge > stabilityWindow ? minimumAge : stabilityWindow;

    /// <summary>See the remarks on the class; with no scan before this one, only now is known.</summary>
    private static DateTimeOffset QuietSince(InboxFile file, DateTimeOffset? previousScan, DateTimeOffset now)
    {
        if (previousScan is not { } floor)
            return now;
        var lastWrite = file.LastWriteUtc > now ? now : file.LastWriteUtc;
        return lastWrite > floor ? lastWrite : floor;
    }

    private sealed record Observation(InboxFile File, DateTimeOffset FirstSeen, DateTimeOffset UnchangedSince, bool ChangedSinceSeen);
}

/// <summary>A file whose arrival is decided, with when it was first seen (the start of end-to-end latency).</summary>
internal sealed record Arrival(InboxFile File, DateTimeOffset FirstSeen, ArrivalVerdict Verdict);

internal enum ArrivalVerdict
{
    Finished,
    KeepsGrowing,
    SymbolicLink,
}
