namespace Pipeline.Ingest.Watching;

/// <summary>
/// Remembers what each inbox file looked like across scans and says when it has finished arriving:
/// size and modification time unchanged for the stability window (or already older than the minimum age
/// when first seen). Pure bookkeeping: the caller passes the time, so tests need no clock.
/// </summary>
internal sealed class StabilityTracker(TimeSpan stabilityWindow, TimeSpan minimumAge, TimeSpan growingTimeout)
{
    private readonly Dictionary<string, Observation> _seen = new(StringComparer.Ordinal);

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
        var present = new HashSet<string>(scan.Count, StringComparer.Ordinal);
        foreach (var file in scan)
        {
            present.Add(file.FullPath);
            if (!_seen.TryGetValue(file.FullPath, out var previous))
                _seen[file.FullPath] = new Observation(file, FirstSeen: now, UnchangedSince: now);
            else if (previous.File.SizeBytes != file.SizeBytes || previous.File.LastWriteUtc != file.LastWriteUtc)
                _seen[file.FullPath] = previous with { File = file, UnchangedSince = now };
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

    /// <summary>
    /// Takes back decided files that were not claimed after all (the work folder was full): they stay decided, and
    /// keep when they were first seen, for the next pass. A file that changes meanwhile is judged again as usual.
    /// </summary>
    public void PutBack(IEnumerable<Arrival> arrivals)
    {
        foreach (var arrival in arrivals)
            _seen.TryAdd(arrival.File.FullPath, new Observation(arrival.File, arrival.FirstSeen, UnchangedSince: arrival.FirstSeen));
    }

    private ArrivalVerdict? Judge(Observation observation, DateTimeOffset now)
    {
        var file = observation.File;
        if (file.IsSymbolicLink)
            return ArrivalVerdict.SymbolicLink;
        var quietFor = now - observation.UnchangedSince;
        var untouchedFor = now - file.LastWriteUtc;
        if (quietFor >= WindowFor(file) || (observation.UnchangedSince == observation.FirstSeen && untouchedFor >= minimumAge))
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

    private sealed record Observation(InboxFile File, DateTimeOffset FirstSeen, DateTimeOffset UnchangedSince);
}

/// <summary>A file whose arrival is decided, with when it was first seen (the start of end-to-end latency).</summary>
internal sealed record Arrival(InboxFile File, DateTimeOffset FirstSeen, ArrivalVerdict Verdict);

internal enum ArrivalVerdict
{
    Finished,
    KeepsGrowing,
    SymbolicLink,
}
