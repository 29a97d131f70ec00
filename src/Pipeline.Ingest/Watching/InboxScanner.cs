using System.IO.Enumeration;

namespace Pipeline.Ingest.Watching;

/// <summary>
/// Lists every candidate file below the inbox. Symbolic links are listed (so they can be quarantined) but
/// never entered, so nothing outside the inbox is ever read through one.
/// </summary>
internal sealed class InboxScanner(string inboxFolder, IgnoreRules ignoreRules)
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    public List<InboxFile> Scan()
    {
        var found = new List<InboxFile>();
        if (!Directory.Exists(inboxFolder))
            return found;

        var enumerable = new FileSystemEnumerable<InboxFile>(
            inboxFolder,
            (ref FileSystemEntry entry) => ToInboxFile(ref entry),
            Options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(ref entry) && !ignoreRules.IsIgnoredName(entry.FileName),
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                (!entry.IsDirectory || IsLink(ref entry)) && !ignoreRules.IsIgnoredName(entry.FileName),
        };
        found.AddRange(enumerable);
        return found;
    }

    private InboxFile ToInboxFile(ref FileSystemEntry entry)
    {
        var fullPath = entry.ToFullPath();
        var relative = Path.GetRelativePath(inboxFolder, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        return new InboxFile(fullPath, relative, entry.Length, entry.LastWriteTimeUtc, IsLink(ref entry));
    }

    // On Unix a symbolic link is reported with the ReparsePoint attribute.
    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;
}
