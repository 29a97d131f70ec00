using System.Text;
using Pipeline.Contracts;
using Pipeline.Ingest.Claiming;

namespace Pipeline.Ingest.Tests;

public sealed class MediaTypeSnifferTests
{
    [Theory]
    [InlineData("report.txt", "PK\u0003\u0004rest", MediaTypes.Zip)]
    [InlineData("report.txt", "%PDF-1.7", MediaTypes.Pdf)]
    [InlineData("page.xhtml", "<html>", MediaTypes.Html)]
    [InlineData("notes.markdown", "# Title", MediaTypes.Markdown)]
    [InlineData("feed", "\uFEFF  [{\"title\": 1}]", MediaTypes.Json)]
    [InlineData("saved-page", "\n<!doctype html>", MediaTypes.Html)]
    [InlineData("berita", "JAKARTA - Hujan deras", MediaTypes.PlainText)]
    [InlineData("blob", "ab\0cd", MediaTypes.Unknown)]
    public void Content_beats_the_name_and_the_name_beats_a_content_guess(string name, string head, string expected)
    {
        Assert.Equal(expected, MediaTypeSniffer.Guess(name, Encoding.UTF8.GetBytes(head)));
    }

    [Fact]
    public void A_gzip_stream_is_known_by_its_magic_number()
    {
        Assert.Equal(MediaTypes.Gzip, MediaTypeSniffer.Guess("archive.json", [0x1f, 0x8b, 0x08, 0x00]));
    }
}
