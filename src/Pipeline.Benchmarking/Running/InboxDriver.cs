using Pipeline.Benchmarking.Generation;
using Pipeline.LocalServers;

namespace Pipeline.Benchmarking.Running;

/// <summary>When one file was dropped, by the bench's clock (the same machine's clock the store uses).</summary>
public readonly record struct Drop(string FileName, DateTimeOffset DroppedAt);

/// <summary>
/// Drops files the way a well-behaved producer does: written beside the inbox, then renamed into it (a rename is
/// atomic, so the watcher never sees half a file). Every dropped file's modification time is its drop time, as
/// fresh as a producer's would be, so file detection is measured as it really is.
/// </summary>
internal sealed class InboxDriver
{
    private static readonly TimeSpan ArchivePollInterval = TimeSpan.FromMilliseconds(200);
    private readonly string _inbox;
    private readonly string _staging;
    private readonly string _archive;

    public InboxDriver(string inbox, string dataDirectory)
    {
        _inbox = inbox;
        _archive = Path.Combine(dataDirectory, "archive");
        // Same file system as the inbox, so the rename is atomic; outside it, so the watcher ignores it.
        _staging = Directory.CreateDirectory(Path.Combine(dataDirectory, "bench-staging")).FullName;
    }

    /// <summary>Drops every article, as fast as possible when <paramref name="perSecond"/> is null, else at that pace.</summary>
    public async Task<IReadOnlyList<Drop>> DropAsync(IEnumerable<GeneratedArticle> articles, double? perSecond, TimeProvider clock, CancellationToken cancellationToken)
    {
        var drops = new List<Drop>();
        var start = clock.GetTimestamp();
        foreach (var article in articles)
        {
            if (perSecond is { } rate)
            {
                var due = TimeSpan.FromSeconds(drops.Count / rate);
                var wait = due - clock.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, clock, cancellationToken);
            }

            var droppedAt = clock.GetUtcNow();
            var staged = Path.Combine(_staging, article.FileName);
            await File.WriteAllBytesAsync(staged, article.Content, cancellationToken);
            File.Move(staged, Path.Combine(_inbox, article.FileName));
            drops.Add(new Drop(article.FileName, droppedAt));
        }

        return drops;
    }

    /// <summary>
    /// Writes the articles beside the inbox ahead of a burst. Generating and creating 20,000 files took about a
    /// sixth of the machine's CPU while the pipeline ran (ext4's inode allocation, mostly), which is the
    /// producer's cost, not the pipeline's; <see cref="DropStaged"/> then only renames.
    /// </summary>
    public async Task<IReadOnlyList<string>> StageAsync(IEnumerable<GeneratedArticle> articles, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var article in articles)
        {
            await File.WriteAllBytesAsync(Path.Combine(_staging, article.FileName), article.Content, cancellationToken);
            names.Add(article.FileName);
        }

        return names;
    }

    /// <summary>Moves staged files into the inbox as fast as possible, each touched first so it looks just written.</summary>
    public IReadOnlyList<Drop> DropStaged(IReadOnlyList<string> names, TimeProvider clock)
    {
        var drops = new List<Drop>(names.Count);
        foreach (var name in names)
        {
            var droppedAt = clock.GetUtcNow();
            var staged = Path.Combine(_staging, name);
            File.SetLastWriteTimeUtc(staged, droppedAt.UtcDateTime);
            File.Move(staged, Path.Combine(_inbox, name));
            drops.Add(new Drop(name, droppedAt));
        }

        return drops;
    }

    /// <summary>
    /// Waits until ingest has archived <paramref name="expected"/> files: a file is finished after its article is
    /// stored, so a phase that ended at the last store would leave that work (and its CPU) to the next phase.
    /// </summary>
    public Task WaitUntilArchivedAsync(int expected, TimeSpan timeout, CancellationToken cancellationToken) =>
        Eventually.WaitUntilAsync(
            () => Directory.Exists(_archive) && Directory.EnumerateFiles(_archive).Count() >= expected,
            timeout,
            $"ingest to archive {expected} files",
            ArchivePollInterval,
            cancellationToken);
}
