namespace Pipeline.Ingest.Claiming;

/// <summary>
/// Takes a file out of the inbox by renaming it into the work folder. A rename within one file system is
/// atomic, so when several replicas race for the same file exactly one rename succeeds; the others find the
/// source gone, which is a normal outcome, not an error.
/// </summary>
internal static class FileClaimer
{
    /// <returns>True when this caller now owns the file at <paramref name="workPath"/>.</returns>
    public static bool TryClaim(string inboxPath, string workPath)
    {
        try
        {
            // The destination name is unique to this claim, so "overwrite" never replaces anything; it makes
            // .NET issue a plain rename(2), which moves a symbolic link itself rather than its target.
            Entries.Move(inboxPath, workPath, overwrite: true);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException) when (!Entries.Exist(inboxPath) && Directory.Exists(Path.GetDirectoryName(workPath)))
        {
            // The file's folder vanished with it: another replica (or the user) got there first.
            return false;
        }
    }
}
