using System.IO.Compression;
using System.Text;

namespace Pipeline.Extraction.Tests.Formats;

public sealed class RejectionTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t  \n")]
    public void Empty_files_are_rejected(string content)
    {
        var ex = Extract.Rejected(Encoding.UTF8.GetBytes(content));
        Assert.Contains("empty", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(ex.Hint);
    }

    [Fact]
    public void Pdf_is_rejected_by_its_magic_bytes_whatever_its_name()
    {
        var ex = Extract.Rejected("%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray(), "article.txt");
        Assert.Contains("PDF", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_and_gzip_archives_are_rejected()
    {
        using var zipStream = new MemoryStream();
        using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("a.txt").Open());
            writer.Write("Judul\nIsi berita.");
        }
        Assert.Contains("ZIP", Extract.Rejected(zipStream.ToArray(), "news.txt").Message, StringComparison.Ordinal);

        using var gzStream = new MemoryStream();
        using (var gz = new GZipStream(gzStream, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write("<html><body><p>x</p></body></html>"u8);
        Assert.Contains("gzip", Extract.Rejected(gzStream.ToArray(), "page.html").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_with_nul_bytes_and_no_bom_is_rejected()
    {
        var bytes = new byte[200];
        new Random(7).NextBytes(bytes);
        bytes[0] = (byte)'A';
        bytes[10] = 0;
        var ex = Extract.Rejected(bytes, "data.txt");
        Assert.Contains("NUL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_rejected_with_the_position()
    {
        var ex = Extract.Rejected("{\"title\": \"Banjir\", \"body\": \"Air naik\" \"date\": 5}"u8.ToArray(), "a.json");
        Assert.Contains("malformed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_without_any_article_field_is_rejected()
    {
        var ex = Extract.Rejected("{\"id\": 4, \"tags\": [\"a\", \"b\"]}"u8.ToArray(), "a.json");
        Assert.Contains("no article", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_page_without_an_article_is_rejected()
    {
        const string page = "<html><head><title>Index</title></head><body><nav><a href='/a'>Home</a> <a href='/b'>News</a></nav>" +
                            "<ul><li><a href='/1'>First story</a></li><li><a href='/2'>Second story</a></li></ul></body></html>";
        var ex = Extract.Rejected(Encoding.UTF8.GetBytes(page), "index.html");
        Assert.Contains("no article", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_over_the_size_limit_is_refused_before_decoding()
    {
        var options = new ExtractionOptions { MaxInputBytes = 1024 };
        var ex = Extract.Rejected(Encoding.UTF8.GetBytes(new string('a', 2048)), "big.txt", options);
        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxInputBytes", ex.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_50_MB_file_is_refused_by_the_default_limit()
    {
        var content = new byte[50 * 1024 * 1024];
        content.AsSpan().Fill((byte)'a');
        var ex = Extract.Rejected(content, "huge.txt");
        Assert.Contains("50.0 MB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_of_control_characters_is_rejected_as_undecodable()
    {
        var bytes = new byte[300];
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)(i % 2 == 0 ? 0x01 : 'a');
        var ex = Extract.Rejected(bytes, "x.txt");
        Assert.Contains("could not be decoded", ex.Message, StringComparison.Ordinal);
    }
}
