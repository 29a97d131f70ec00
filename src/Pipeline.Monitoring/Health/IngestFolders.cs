using Microsoft.Extensions.Configuration;

namespace Pipeline.Monitoring.Health;

/// <summary>
/// Counts files in ingest's folders (the <c>Ingest</c> section's InboxFolder and QuarantineFolder, relative ones
/// resolved against DataFolder, as ingest resolves them): files waiting in the inbox, skipping the temporary and
/// hidden files ingest ignores, and quarantined files (one <c>.reason.json</c> each). Null when this process
/// cannot see the folder.
/// </summary>
public sealed class IngestFolders(IConfiguration configuration)
{
    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    public long? InboxFiles()
    {
        if (Folder("InboxFolder", "inbox") is not { } inbox) return null;
        long count = 0;
        foreach (var path in Directory.EnumerateFiles(inbox, "*", Recursive))
        {
            if (!IsTemporary(Path.GetFileName(path.AsSpan()))) count++;
        }
        return count;
    }

    public long? QuarantinedFiles()
    {
        if (Folder("QuarantineFolder", "quarantine") is not { } quarantine) return null;
        long count = 0;
        foreach (var _ in Directory.EnumerateFiles(quarantine, "*.reason.json", Recursive)) count++;
        return count;
    }

    private string? Folder(string key, string defaultName)
    {
        var folder = configuration[$"Ingest:{key}"] ?? defaultName;
        if (!Path.IsPathRooted(folder)) folder = Path.Combine(configuration["Ingest:DataFolder"] ?? "data", folder);
        return Directory.Exists(folder) ? folder : null;
    }

    private static bool IsTemporary(ReadOnlySpan<char> name) =>
        name.StartsWith('.') || name.StartsWith('~')
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase);
}
