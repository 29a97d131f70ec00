using Pipeline.Contracts;

namespace Pipeline.Ingest.Claiming;

/// <summary>
/// A first guess at a file's media type from its first bytes and its name. Extraction makes the final call;
/// this only saves it a sniff and tells people what arrived.
/// </summary>
internal static class MediaTypeSniffer
{
    public static string Guess(string fileName, ReadOnlySpan<byte> head)
    {
        // Magic numbers win over the name: a zip called .txt is still a zip.
        if (head.StartsWith("PK\u0003\u0004"u8))
            return MediaTypes.Zip;
        if (head.StartsWith("%PDF-"u8))
            return MediaTypes.Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]))
            return MediaTypes.Gzip;

        var byName = MediaTypes.FromFileName(fileName);
        if (byName != MediaTypes.Unknown)
            return byName;

        var text = SkipBomAndSpace(head);
        if (text.StartsWith("<"u8))
            return MediaTypes.Html;
        if (text.StartsWith("{"u8) || text.StartsWith("["u8))
            return MediaTypes.Json;
        return head.Contains((byte)0) ? MediaTypes.Unknown : MediaTypes.PlainText;
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
