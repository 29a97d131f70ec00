namespace Pipeline.Extraction.Formats;

/// <summary>Recognises content that is certainly not text by its leading magic bytes, so it is refused with a useful name.</summary>
internal static class BinarySniffer
{
    private static readonly (byte[] Magic, string Kind, string Hint)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "a PDF document", "Save the article as text or HTML, or copy its text into a .txt file."),
        ("PK\x03\x04"u8.ToArray(), "a ZIP archive (or an Office document)", "Unpack the archive and drop the articles themselves."),
        ([0x1F, 0x8B], "a gzip archive", "Decompress the file and drop the article it contains."),
        ("Rar!"u8.ToArray(), "a RAR archive", "Unpack the archive and drop the articles themselves."),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive", "Unpack the archive and drop the articles themselves."),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image", "Pipeline reads text articles, not images."),
        ([0xFF, 0xD8, 0xFF], "a JPEG image", "Pipeline reads text articles, not images."),
        ("GIF8"u8.ToArray(), "a GIF image", "Pipeline reads text articles, not images."),
        ([0xD0, 0xCF, 0x11, 0xE0], "a legacy Office document", "Save the document as plain text or HTML."),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable", "This is a program, not an article."),
    ];

    /// <summary>Returns a description of the binary kind, or null when the bytes may be text.</summary>
    public static (string Kind, string Hint)? Identify(ReadOnlySpan<byte> content)
    {
        foreach (var (magic, kind, hint) in Signatures)
        {
            if (content.StartsWith(magic))
                return (kind, hint);
        }
        return null;
    }
}
