using System.Text.Json;
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
        // A retry after a crash between writing the reason and moving the file finds its own reason there.
        if (!Taken(candidate) || ReasonBelongsTo(candidate, correlationId))
            return candidate;

        var folder = Path.GetDirectoryName(candidate)!;
        var name = Path.GetFileNameWithoutExtension(candidate);
        var extension = Path.GetExtension(candidate);
        return Path.Combine(folder, $"{name}.{correlationId:N}{extension}");
    }

    private static bool ReasonBelongsTo(string path, Guid correlationId)
    {
        var reasonPath = path + ".reason.json";
        if (Entries.Exist(path) || !File.Exists(reasonPath))
            return false;
        try
        {
            return QuarantineReason.FromJson(File.ReadAllText(reasonPath))?.CorrelationId == correlationId;
        }
        catch (JsonException)
        {
            // Someone edited or truncated that reason file: it is not a trace of this claim.
            return false;
        }
    }

    /// <summary>Held by anything (a file, a folder, a link of any kind) or by a quarantined file's reason.</summary>
    private static bool Taken(string path) =>
        Entries.Read(path) != Entries.Nothing || File.Exists(path + ".reason.json");
}
