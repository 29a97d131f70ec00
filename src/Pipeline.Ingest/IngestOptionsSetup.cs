using Microsoft.Extensions.Options;
using Pipeline.Ingest.Watching;

namespace Pipeline.Ingest;

/// <summary>Turns relative folders into absolute ones under the data folder, then checks the result.</summary>
internal sealed class IngestOptionsSetup : IPostConfigureOptions<IngestOptions>, IValidateOptions<IngestOptions>
{
    public void PostConfigure(string? name, IngestOptions options)
    {
        options.DataFolder = Path.GetFullPath(options.DataFolder);
        options.InboxFolder = Resolve(options.DataFolder, options.InboxFolder);
        options.WorkFolder = Resolve(options.DataFolder, options.WorkFolder);
        options.ArchiveFolder = Resolve(options.DataFolder, options.ArchiveFolder);
        options.QuarantineFolder = Resolve(options.DataFolder, options.QuarantineFolder);
        options.LedgerPath = Resolve(options.DataFolder, options.LedgerPath);
    }

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        if (options.InlineContentMaxBytes < 0)
            failures.Add("Ingest:InlineContentMaxBytes must be 0 or more.");
        if (options.MaxFileSizeBytes <= 0)
            failures.Add("Ingest:MaxFileSizeBytes must be more than 0.");
        if (options.StabilityWindow <= TimeSpan.Zero)
            failures.Add("Ingest:StabilityWindow must be positive.");
        if (options.RescanInterval <= TimeSpan.Zero)
            failures.Add("Ingest:RescanInterval must be positive.");
        if (options.GrowingFileTimeout <= options.StabilityWindow)
            failures.Add("Ingest:GrowingFileTimeout must be longer than Ingest:StabilityWindow.");
        if (options.MaxConcurrentFiles < 1 || options.ConsumerConcurrency < 1)
            failures.Add("Ingest:MaxConcurrentFiles and Ingest:ConsumerConcurrency must be at least 1.");
        if (options.LedgerRetention < TimeSpan.Zero)
            failures.Add("Ingest:LedgerRetention must be 0 (keep for good) or positive.");
        if (options.LedgerPruneInterval <= TimeSpan.Zero)
            failures.Add("Ingest:LedgerPruneInterval must be positive.");
        if (options.MaxFilesInFlight < options.MaxConcurrentFiles)
            failures.Add("Ingest:MaxFilesInFlight must be at least Ingest:MaxConcurrentFiles.");

        // A folder we write into must not be watched, or every archived file would be ingested again.
        var ignore = new IgnoreRules(options.IgnorePatterns);
        foreach (var (key, folder) in new[]
                 {
                     ("WorkFolder", options.WorkFolder), ("ArchiveFolder", options.ArchiveFolder),
                     ("QuarantineFolder", options.QuarantineFolder),
                 })
        {
            var relative = Path.GetRelativePath(options.InboxFolder, folder);
            var inside = relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
            if (inside && !ignore.IsIgnored(relative))
            {
                failures.Add($"Ingest:{key} ({folder}) lies inside the inbox ({options.InboxFolder}) where it would be " +
                             "ingested again: move it out, or give it a name starting with '.' so the watcher skips it.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Resolve(string dataFolder, string path) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? dataFolder : Path.Combine(dataFolder, path));
}
