namespace Pipeline.Ingest.Claiming;

/// <summary>Moves and checks for inbox entries, which are files or symbolic links (to files or folders).</summary>
internal static class Entries
{
    /// <summary>What a path holds, as one status read: -1 for nothing, else the entry's attributes (a link's own kind included).</summary>
    public static FileAttributes Read(string path) => new FileInfo(path).Attributes;

    /// <summary>True for a file and for a symbolic link, dangling or not (a link is never followed).</summary>
    public static bool Exist(string path)
    {
        // Attributes come from the status read Exists makes anyway; asking for the link's target would cost a
        // readlink(2) for every path that is not a file.
        var attributes = Read(path);
        return attributes != Nothing && ((attributes & FileAttributes.Directory) == 0 || IsLink(attributes));
    }

    /// <summary>Whether attributes (from <see cref="Read"/>, a <see cref="FileSystemInfo"/> or a directory listing) are a symbolic link's.</summary>
    /// <remarks>On Unix a symbolic link is reported with the ReparsePoint attribute.</remarks>
    public static bool IsLink(FileAttributes attributes) =>
        attributes != Nothing && (attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>What <see cref="FileSystemInfo.Attributes"/> says for a path that holds nothing.</summary>
    public const FileAttributes Nothing = (FileAttributes)(-1);

    /// <summary>Renames the entry itself; a link to a folder moves as a link, its folder stays put.</summary>
    public static void Move(string source, string destination, bool overwrite)
    {
        // File.Move refuses a link whose target is a folder; Directory.Move renames the link (rename(2)).
        var attributes = Read(source);
        if (IsLink(attributes) && (attributes & FileAttributes.Directory) != 0)
        {
            if (overwrite && Exist(destination))
                File.Delete(destination);
            Directory.Move(source, destination);
            return;
        }
        File.Move(source, destination, overwrite);
    }
}
