namespace Pipeline.Ingest;

/// <summary>
/// Settings of the ingest stage, bound from the <c>Ingest</c> configuration section. Folder paths may be
/// relative: they are resolved against <see cref="DataFolder"/> (itself resolved against the working folder),
/// so a host only has to set absolute paths where it wants something else.
/// </summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Root for every default below.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>The watched folder (recursively). Default: <c>{DataFolder}/inbox</c>.</summary>
    public string InboxFolder { get; set; } = "inbox";

    /// <summary>
    /// Where claimed files wait while the pipeline works on them; other stages read claim-checked content here.
    /// Must be on the inbox's file system: a claim is a rename, atomic only within one file system.
    /// Replicas sharing an inbox share this folder too. Default: <c>{DataFolder}/work</c>.
    /// </summary>
    public string WorkFolder { get; set; } = "work";

    /// <summary>Where files go once stored. Default: <c>{DataFolder}/archive</c>.</summary>
    public string ArchiveFolder { get; set; } = "archive";

    /// <summary>Where refused files go, each beside a <c>.reason.json</c>. Default: <c>{DataFolder}/quarantine</c>.</summary>
    public string QuarantineFolder { get; set; } = "quarantine";

    /// <summary>The SQLite file that remembers every claimed file. Default: <c>{DataFolder}/ingest-ledger.db</c>.</summary>
    public string LedgerPath { get; set; } = "ingest-ledger.db";

    /// <summary>
    /// Finished claims (stored or quarantined) leave the ledger this long after their outcome; zero keeps them
    /// for good. Claims still under way are never removed. What goes with a claim: the log note that a later
    /// drop repeats its content (the store still keeps one article per content, whatever the ledger holds).
    /// </summary>
    public TimeSpan LedgerRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often finished claims older than <see cref="LedgerRetention"/> are removed.</summary>
    public TimeSpan LedgerPruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Files up to this size travel inside the message; larger ones travel as a path (claim check).</summary>
    public int InlineContentMaxBytes { get; set; } = 256 * 1024;

    /// <summary>Larger files are quarantined without being read.</summary>
    public long MaxFileSizeBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// A file counts as finished once its size and modification time stayed the same this long. 250 ms keeps
    /// drop-to-stored p99 under 500 ms (issue 9) while still covering a writer's pauses between buffered writes;
    /// raise it for producers that stall longer mid-file (slow network copies), or have them rename files in.
    /// </summary>
    public TimeSpan StabilityWindow { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A file whose modification time is already this old when first seen counts as finished at once
    /// (files renamed in, files present at start). Keep it well above any clock skew of a network share.
    /// </summary>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A file still changing this long after it was first seen is quarantined as "keeps growing".</summary>
    public TimeSpan GrowingFileTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Full rescans of the inbox at this interval find what file system events miss.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Use file system events to notice files sooner. Off, the inbox is found by rescans alone: for mounts that
    /// raise no events, or when the watch limit is scarce.
    /// </summary>
    public bool UseFileSystemEvents { get; set; } = true;

    /// <summary>After a file system event, wait this long for more before scanning, so bursts cost one scan.</summary>
    public TimeSpan EventDebounce { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A file published this long ago and still not stored or rejected is published again.</summary>
    public TimeSpan RepublishAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Delete stored files instead of moving them to the archive.</summary>
    public bool DeleteAfterStore { get; set; }

    /// <summary>
    /// How many files are claimed, hashed and published at once (the watcher's claim slots). A file's intake is mostly
    /// waiting (the ledger's synced commit, the broker's confirm): about 13 ms for a few hundred microseconds of CPU.
    /// With 4, intake topped out near 300 files/s, half the bench's saturating rate.
    /// </summary>
    public int MaxConcurrentFiles { get; set; } = 16;

    /// <summary>
    /// How many claimed files may wait in the work folder for the later stages (all replicas sharing it together).
    /// Beyond it the rest of a burst waits in the inbox instead of in the queues between the stages.
    /// </summary>
    public int MaxFilesInFlight { get; set; } = 256;

    /// <summary>How many finishing messages (indexed, rejected) the ingest endpoint handles at once.</summary>
    public int ConsumerConcurrency { get; set; } = 8;

    /// <summary>
    /// File or folder names to skip: temporary files of editors, browsers and copy tools. <c>*</c> and <c>?</c>
    /// wildcards, case-insensitive, checked against every segment of the path below the inbox.
    /// </summary>
    public List<string> IgnorePatterns { get; set; } = [];

    /// <summary>Patterns always ignored, whatever the configuration adds.</summary>
    public static IReadOnlyList<string> DefaultIgnorePatterns { get; } = [".*", "~*", "*.tmp", "*.part", "*.crdownload"];
}
