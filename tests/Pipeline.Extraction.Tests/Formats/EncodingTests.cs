using System.Text;

namespace Pipeline.Extraction.Tests.Formats;

public sealed class EncodingTests
{
    private const string Article = "Harga Kopi Naik\nJAKARTA - Harga kopi “arabika” naik menjadi Rp 95.000 per kilogram, kata pedagang café di Jakarta.";

    public static TheoryData<string, byte[]> Encoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new TheoryData<string, byte[]>
        {
            { "utf-8", Encoding.UTF8.GetBytes(Article) },
            { "utf-8 bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Article)] },
            { "utf-16 le bom", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Article)] },
            { "utf-16 be bom", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Article)] },
            { "windows-1252", Encoding.GetEncoding(1252).GetBytes(Article) },
        };
    }

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Every_supported_encoding_reads_to_the_same_text(string encoding, byte[] bytes)
    {
        var article = Extract.Bytes(bytes);
        Assert.True(article.Title == "Harga Kopi Naik", encoding);
        Assert.Equal("Jakarta", article.Dateline);
        Assert.Equal("Harga kopi “arabika” naik menjadi Rp 95.000 per kilogram, kata pedagang café di Jakarta.", article.Body);
    }

    [Fact]
    public void Latin1_text_without_windows_only_characters_reads_correctly()
    {
        var bytes = Encoding.Latin1.GetBytes("Fête à Paris\nPARIS - La fête de la musique a réuni des milliers de personnes à Paris samedi soir.");
        var article = Extract.Bytes(bytes);
        Assert.Equal("Fête à Paris", article.Title);
        Assert.Contains("réuni", article.Body, StringComparison.Ordinal);
    }
}
