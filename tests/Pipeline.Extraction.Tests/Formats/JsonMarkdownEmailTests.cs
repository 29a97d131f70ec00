using System.Text;

namespace Pipeline.Extraction.Tests.Formats;

public sealed class JsonMarkdownEmailTests
{
    [Fact]
    public void Json_object_fields_map_to_the_article()
    {
        const string json = """{"title":"Gempa di Cianjur","content":"CIANJUR - Gempa mengguncang kota.\n\nWarga berhamburan keluar rumah.","published_at":"2022-11-21","author":["Dian","Eko"],"site_name":"Kabar"}""";
        var article = Extract.Text(json, "gempa.json");
        Assert.Equal("Gempa di Cianjur", article.Title);
        Assert.Equal("Cianjur", article.Dateline);
        Assert.Equal(["Gempa mengguncang kota.", "Warga berhamburan keluar rumah."], article.Paragraphs);
        Assert.Equal("2022-11-21", article.PublishedAt);
        Assert.Equal(["Dian", "Eko"], article.Authors);
        Assert.Equal("Kabar", article.SiteName);
        Assert.Equal("application/json", article.Source.MediaType);
    }

    [Fact]
    public void Json_list_and_wrapped_objects_are_searched_for_the_article()
    {
        const string json = """{"status":"ok","data":{"items":[{"headline":"Satu","body":"<p>Isi <b>pertama</b> berita.</p><p>Isi kedua.</p>"}]}}""";
        var article = Extract.Text(json, "feed.json");
        Assert.Equal("Satu", article.Title);
        Assert.Equal(["Isi pertama berita.", "Isi kedua."], article.Paragraphs);
    }

    [Fact]
    public void Markdown_markup_is_removed_and_front_matter_read()
    {
        const string md = "---\ntitle: Judul Front Matter\ndate: 2024-01-02\nauthor: Sari\n---\n\nParagraf dengan **tebal** dan [tautan](https://x.org).\n\n## Subjudul\n\n- butir satu\n";
        var article = Extract.Text(md, "a.md");
        Assert.Equal("Judul Front Matter", article.Title);
        Assert.Equal("2024-01-02", article.PublishedAt);
        Assert.Equal(["Sari"], article.Authors);
        Assert.Equal(["Paragraf dengan tebal dan tautan.", "Subjudul", "butir satu"], article.Paragraphs);
    }

    [Fact]
    public void Markdown_heading_is_the_title_without_front_matter()
    {
        var article = Extract.Text("# Judul Markdown\n\nIsi paragraf pertama.\n", "notes.md");
        Assert.Equal("Judul Markdown", article.Title);
        Assert.Equal(["Isi paragraf pertama."], article.Paragraphs);
        Assert.Equal("text/markdown", article.Source.MediaType);
    }

    [Fact]
    public void Email_html_part_is_read_when_there_is_no_text_part()
    {
        var eml = "From: Redaksi <r@example.org>\r\nSubject: Judul Surel\r\nDate: Tue, 02 Jan 2024 08:00:00 +0700\r\nMIME-Version: 1.0\r\n" +
                  "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Paragraf pertama dari surel ini cukup panjang untuk dibaca.</p><p>Paragraf kedua.</p></body></html>\r\n";
        var article = Extract.Bytes(Encoding.UTF8.GetBytes(eml), "x.eml");
        Assert.Equal("Judul Surel", article.Title);
        Assert.Equal("2024-01-02T08:00:00+07:00", article.PublishedAt);
        Assert.Equal(["Redaksi"], article.Authors);
        Assert.Equal(2, article.Paragraphs.Count);
    }
}
