using System.Buffers;

namespace Pipeline.Ingest.Claiming;

/// <summary>
/// Names of claimed files in the work folder. The name follows from the correlation id and the original
/// extension, so whichever replica receives the finishing message can find the file from the message alone.
/// </summary>
internal static class WorkFiles
{
    private const int MaxExtensionLength = 12;
    private static readonly SearchValues<char> ExtensionChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    public static string PathFor(string workFolder, Guid correlationId, string relativePath) =>
        Path.Combine(workFolder, correlationId.ToString("N") + SafeExtension(relativePath));

    /// <summary>Reads the correlation id back from a work file name; false for files ingest did not name.</summary>
    public static bool TryParse(string workFilePath, out Guid correlationId)
    {
        var name = Path.GetFileName(workFilePath.AsSpan());
        correlationId = Guid.Empty;
        return name.Length >= 32 && Guid.TryParseExact(name[..32], "N", out correlationId);
    }

    // Extraction may pick a reader by extension, so keep a plain one; anything odd (spaces, newlines,
    // non-Latin letters) is dropped rather than escaped: the original name travels in the message.
    private static string SafeExtension(string relativePath)
    {
        var extension = Path.GetExtension(relativePath.AsSpan());
        if (extension.Length < 2 || extension.Length > MaxExtensionLength || extension[1..].ContainsAnyExcept(ExtensionChars))
            return string.Empty;
        return extension.ToString().ToLowerInvariant();
    }
}
