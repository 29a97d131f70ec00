using Microsoft.Extensions.Configuration;

namespace Pipeline.Monitoring.Health;

/// <summary>
/// Counts the files waiting in the inbox (configuration key <c>Ingest:InboxPath</c>), skipping the
/// temporary and hidden files ingest ignores. Null when this process cannot see the inbox.
/// </summary>
public sealed class InboxCounter(IConfiguration configuration)
{
    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    public long? Count()
    {
        var inbox = configuration["Ingest:InboxPath"];
        if (string.IsNullOrEmpty(inbox) || !Directory.Exists(inbox)) return null;
        long count = 0;
        foreach (var path in Directory.EnumerateFiles(inbox, "*", Recursive))
        {
            if (!IsTemporary(Path.GetFileName(path.AsSpan()))) count++;
        }
        return count;
    }

    private static bool IsTemporary(ReadOnlySpan<char> name) =>
        name.StartsWith('.') || name.StartsWith('~')
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase);
}
