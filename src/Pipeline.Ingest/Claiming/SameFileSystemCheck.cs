namespace Pipeline.Ingest.Claiming;

/// <summary>
/// Claims are atomic only if the inbox and the work folder share a file system; across file systems .NET
/// silently turns a move into copy-and-delete, which two replicas could both win and a crash could cut in half.
/// The check renames a probe file while holding it open: after a true rename the open handle still writes into
/// the moved file; after a copy it writes into the deleted original and the moved file stays empty.
/// </summary>
internal static class SameFileSystemCheck
{
    public static void Verify(string inboxFolder, string workFolder)
    {
        var probeName = $".pipeline-probe-{Guid.NewGuid():N}";
        var inboxProbe = Path.Combine(inboxFolder, probeName);
        var workProbe = Path.Combine(workFolder, probeName);
        try
        {
            using (var handle = new FileStream(inboxProbe, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
                File.Move(inboxProbe, workProbe, overwrite: true);
                handle.WriteByte(1);
                handle.Flush();
            }
            if (new FileInfo(workProbe).Length != 1)
            {
                throw new InvalidOperationException(
                    $"The work folder ({workFolder}) is on another file system than the inbox ({inboxFolder}), so files cannot be " +
                    "claimed atomically. Put Ingest:WorkFolder on the inbox's file system (for example a hidden folder such as " +
                    "'.work' inside the inbox, or a sibling folder on the same mount).");
            }
        }
        finally
        {
            File.Delete(inboxProbe);
            File.Delete(workProbe);
        }
    }
}
