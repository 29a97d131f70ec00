namespace Pipeline.Extraction.Tests.Formats;

public sealed class HtmlTests
{
    private static string Page(string head, string body) => $"<!DOCTYPE html><html lang=\"id\"><head>{head}</head><body>{body}</body></html>";

    private static readonly string Paragraphs = string.Concat(Enumerable.Range(1, 5).Select(i =>
        $"<p>Paragraf nomor {i} menceritakan jalannya rapat, yang berlangsung lama, di gedung dewan kota pada hari itu.</p>"));

    [Fact]
    public void Comment_blocks_share_bars_and_cookie_notices_are_not_body()
    {
        var html = Page("<title>Rapat Dewan</title>",
            "<div class='cookie-consent'><p>Situs ini memakai cookie, dengan melanjutkan Anda menyetujui kebijakan kami.</p></div>" +
            "<div class='article-content'>" + Paragraphs + "<div class='social-share'><a href='#'>Bagikan ke Facebook</a></div></div>" +
            "<div id='comments'><p>Komentar pembaca: rapat ini, menurut saya, tidak ada gunanya sama sekali, buang waktu, buang uang.</p></div>");
        var article = Extract.Text(html, "rapat.html");
        Assert.Equal(5, article.Paragraphs.Count);
        Assert.DoesNotContain("cookie", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Komentar", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Bagikan", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_comes_from_json_ld_then_open_graph_then_meta()
    {
        var html = Page(
            "<meta property='og:title' content='Judul OG'><meta property='og:site_name' content='Kabar Kota'>" +
            "<meta name='author' content='Nama Meta'><meta name='description' content='Ringkasan.'>" +
            "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"x\"},{\"@type\":[\"NewsArticle\"],\"headline\":\"Judul JSON-LD\",\"datePublished\":\"2024-06-14T09:00:00+07:00\",\"author\":{\"@type\":\"Person\",\"name\":\"Ayu Lestari\"}}]}</script>",
            "<article>" + Paragraphs + "</article>");
        var article = Extract.Text(html, "a.html");
        Assert.Equal("Judul JSON-LD", article.Title);
        Assert.Equal("2024-06-14T09:00:00+07:00", article.PublishedAt);
        Assert.Equal(["Ayu Lestari"], article.Authors);
        Assert.Equal("Kabar Kota", article.SiteName);
        Assert.Equal("Ringkasan.", article.Description);
        Assert.Equal("id", article.Language);
    }

    [Fact]
    public void Time_element_gives_the_date_when_there_is_no_metadata()
    {
        var html = Page("<title>Judul</title>", "<article><time datetime='2023-02-01'>1 Februari</time>" + Paragraphs + "</article>");
        Assert.Equal("2023-02-01", Extract.Text(html, "a.html").PublishedAt);
    }

    [Fact]
    public void Structured_article_body_is_used_when_the_page_renders_it_by_script()
    {
        var body = string.Join("\\n\\n", Enumerable.Range(1, 6).Select(i => $"Kalimat panjang nomor {i} tentang banjir yang melanda kota dan memaksa warga mengungsi ke tempat aman."));
        var html = Page($"<script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"headline\":\"Banjir\",\"articleBody\":\"{body}\"}}</script>",
            "<div id='app'><p>Memuat...</p></div>");
        var article = Extract.Text(html, "a.html");
        Assert.Equal(6, article.Paragraphs.Count);
        Assert.StartsWith("Kalimat panjang nomor 1", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_detected_from_content_even_with_a_txt_name()
    {
        var article = Extract.Text(Page("<title>Judul</title>", "<article>" + Paragraphs + "</article>"), "saved.txt");
        Assert.Equal("text/html", article.Source.MediaType);
    }

    [Fact]
    public void Chunked_article_containers_are_read_whole()
    {
        var chunk = string.Concat(Enumerable.Range(1, 3).Select(i => $"<p>Bagian cerita, dengan koma, nomor {i} yang cukup panjang untuk dinilai sebagai paragraf.</p>"));
        var html = Page("<title>Judul</title>",
            "<div class='chunks'><div class='grid'><div class='body'>" + chunk + "</div></div><div class='grid'><div class='body'>" + chunk.Replace("nomor", "ke", StringComparison.Ordinal) + "</div></div></div>");
        Assert.Equal(6, Extract.Text(html, "a.html").Paragraphs.Count);
    }
}
