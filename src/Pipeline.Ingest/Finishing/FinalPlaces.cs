using Pipeline.Ingest.Claiming;

namespace Pipeline.Ingest.Finishing;

/// <summary>
/// Where a finished file goes inside the archive or quarantine: the path it had below the inbox, so people
/// find it where they dropped it; if that name is taken by an earlier drop, the correlation id is added.
/// </summary>
internal static class FinalPlaces
{
    public static string Choose(string root, string sourcePath, Guid correlationId)
    {
        var rootFull = Path.GetFullPath(root);
        var candidate = Path.GetFullPath(Path.Combine(rootFull, sourcePath));
        // The path comes from a message: never let it point outside the folder.
        if (!candidate.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            candidate = Path.Combine(rootFull, Path.GetFileName(sourcePath));
        if (!Taken(candidate))
            return candidate;

        var folder = Path.GetDirectoryName(candidate)!;
        var name = Path.GetFileNameWithoutExtension(candidate);
        var extension = Path.GetExtension(candidate);
        return Path.Combine(folder, $"{name}.{correlationId:N}{extension}");
    }

    private static bool Taken(string path) =>
        Entries.Exist(path) || File.Exists(path + ".reason.json") || Directory.Exists(path);
}
