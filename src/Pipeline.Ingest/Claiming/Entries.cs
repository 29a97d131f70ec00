namespace Pipeline.Ingest.Claiming;

/// <summary>Moves and checks for inbox entries, which are files or symbolic links (to files or folders).</summary>
internal static class Entries
{
    /// <summary>True for a file and for a symbolic link, dangling or not (a link is never followed).</summary>
    public static bool Exist(string path)
    {
        var info = new FileInfo(path);
        return info.Exists || info.LinkTarget is not null;
    }

    /// <summary>Renames the entry itself; a link to a folder moves as a link, its folder stays put.</summary>
    public static void Move(string source, string destination, bool overwrite)
    {
        // File.Move refuses a link whose target is a folder; Directory.Move renames the link (rename(2)).
        if (new FileInfo(source).LinkTarget is not null && Directory.Exists(source))
        {
            if (overwrite && Exist(destination))
                File.Delete(destination);
            Directory.Move(source, destination);
            return;
        }
        File.Move(source, destination, overwrite);
    }
}
