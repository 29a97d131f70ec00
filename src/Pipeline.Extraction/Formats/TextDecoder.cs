using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Pipeline.Extraction.Formats;

/// <summary>
/// Turns bytes into text: byte-order marks first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then Windows-1252,
/// which is a superset of ISO-8859-1 for every printable character, so one decoder serves both.
/// </summary>
internal static partial class TextDecoder
{
    private static readonly Encoding Windows1252 = CreateWindows1252();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, out _);

    public static string Decode(ReadOnlySpan<byte> bytes, out string encodingName)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encodingName = "utf-8-bom";
            return DecodeUtf8(bytes[3..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encodingName = "utf-16le";
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encodingName = "utf-16be";
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        if (bytes.Contains((byte)0))
        {
            throw new ExtractionRejectedException(
                "The file contains NUL bytes and no byte-order mark: it is binary data or text in an unknown encoding.",
                "Save the article as UTF-8 text (or UTF-16 with a byte-order mark).");
        }
        if (Utf8.IsValid(bytes))
        {
            encodingName = "utf-8";
            return StrictUtf8.GetString(bytes);
        }
        var declared = DeclaredEncoding(bytes);
        encodingName = declared?.WebName ?? "windows-1252";
        return (declared ?? Windows1252).GetString(bytes);
    }

    /// <summary>Rejects text that decoded to mostly control characters: such a file was never text.</summary>
    public static void EnsureReadable(string text)
    {
        var control = 0;
        var inspected = Math.Min(text.Length, 64 * 1024);
        for (var i = 0; i < inspected; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))
                control++;
            else if (c == '\uFFFD')
                control++;
        }
        if (inspected > 0 && control * 100 > inspected)
        {
            throw new ExtractionRejectedException(
                $"The text could not be decoded: {control} of the first {inspected} characters are control or replacement characters.",
                "Save the article as UTF-8 text.");
        }
    }

    /// <summary>An HTML page or XML file that is not UTF-8 usually says what it is in its first bytes.</summary>
    private static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var match = CharsetDeclaration().Match(head);
        if (!match.Success)
            return null;
        // The code-page provider answers null for names it does not know and for the built-in Unicode and
        // Latin-1 encodings; pages declaring those that are not valid UTF-8 are in practice Windows-1252.
        var declared = CodePagesEncodingProvider.Instance.GetEncoding(match.Groups["name"].Value);
        return declared?.CodePage is null or 28591 or 20127 ? null : declared;
    }

    [GeneratedRegex(@"(?:charset|encoding)\s*=\s*[""']?(?<name>[A-Za-z0-9_\-:.]{2,40})", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetDeclaration();

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ExtractionRejectedException(
                "The file starts with a UTF-8 byte-order mark but contains bytes that are not valid UTF-8.", ex);
        }
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
