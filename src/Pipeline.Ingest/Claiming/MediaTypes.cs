namespace Pipeline.Ingest.Claiming;

/// <summary>
/// A first guess at a file's media type from its name and first bytes. Extraction makes the final call;
/// this only saves it a sniff and tells people what arrived.
/// </summary>
internal static class MediaTypes
{
    public const string OctetStream = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain",
        [".text"] = "text/plain",
        [".md"] = "text/markdown",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".xhtml"] = "application/xhtml+xml",
        [".xml"] = "application/xml",
        [".json"] = "application/json",
        [".eml"] = "message/rfc822",
        [".pdf"] = "application/pdf",
        [".zip"] = "application/zip",
        [".gz"] = "application/gzip",
    };

    public static string Guess(string fileName, ReadOnlySpan<byte> head)
    {
        // Magic numbers win over the name: a zip called .txt is still a zip.
        if (head.StartsWith("PK\u0003\u0004"u8))
            return "application/zip";
        if (head.StartsWith("%PDF-"u8))
            return "application/pdf";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
            return "application/gzip";

        if (ByExtension.TryGetValue(Path.GetExtension(fileName), out var byName))
            return byName;

        var text = SkipBomAndSpace(head);
        if (text.StartsWith("<"u8))
            return "text/html";
        if (text.StartsWith("{"u8) || text.StartsWith("["u8))
            return "application/json";
        return head.Contains((byte)0) ? OctetStream : "text/plain";
    }

    private static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
            head = head[3..];
        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            start++;
        return head[start..];
    }
}
