using System.Text;
using Pipeline.Contracts;

namespace Pipeline.Extraction.Tests.Formats;

/// <summary>A JSON file holding a list of articles yields every one of them, each with a source of its own.</summary>
public sealed class JsonListTests
{
    private const string ThreeArticles = """
        [
          {"judul": "Banjir Rob Genangi Pesisir Semarang", "tanggal": "2024-03-04", "penulis": "Wulan",
           "isi": "SEMARANG - Banjir rob menggenangi permukiman di pesisir utara Semarang sejak Senin pagi.\n\nWarga memindahkan barang ke tempat yang lebih tinggi."},
          {"status": "draf", "catatan": "bukan artikel"},
          {"judul": "Harga Beras Turun di Pasar Induk", "tanggal": "2024-03-05",
           "isi": "JAKARTA - Harga beras medium di Pasar Induk Cipinang turun untuk pekan kedua.\n\nPedagang menyebut pasokan dari Jawa Tengah mulai lancar."},
          {"judul": "Jembatan Baru Dibuka di Palu", "tanggal": "2024-03-06",
           "isi": "PALU - Jembatan penghubung dua kecamatan di Palu resmi dibuka untuk umum.\n\nPemerintah kota menyebut waktu tempuh warga berkurang separuh."}
        ]
        """;

    [Fact]
    public void Every_article_of_a_list_is_extracted_in_file_order_with_its_place_in_the_source_path()
    {
        var articles = ExtractAll(ThreeArticles, "kiriman/redaksi.json");

        Assert.Equal(["Banjir Rob Genangi Pesisir Semarang", "Harga Beras Turun di Pasar Induk", "Jembatan Baru Dibuka di Palu"],
            articles.Select(a => a.Title));
        Assert.Equal(["kiriman/redaksi.json#1", "kiriman/redaksi.json#2", "kiriman/redaksi.json#3"], articles.Select(a => a.Source.Path));
        Assert.Equal(["2024-03-04", "2024-03-05", "2024-03-06"], articles.Select(a => a.PublishedAt));
        Assert.Equal(["Semarang", "Jakarta", "Palu"], articles.Select(a => a.Dateline));
        Assert.Equal(["Wulan"], articles[0].Authors);
        Assert.Empty(articles[1].Authors);
        Assert.StartsWith("Harga beras medium", articles[1].Body, StringComparison.Ordinal);
        var fileHash = DocumentIds.Sha256Hex(Encoding.UTF8.GetBytes(ThreeArticles));
        Assert.All(articles, a => Assert.Equal(fileHash, a.Source.Sha256));
    }

    [Fact]
    public void Extract_returns_the_first_article_of_a_list()
    {
        var first = Extract.Text(ThreeArticles, "redaksi.json");
        Assert.Equal("Banjir Rob Genangi Pesisir Semarang", first.Title);
        Assert.Equal("redaksi.json#1", first.Source.Path);
    }

    [Fact]
    public void A_list_of_one_article_and_a_single_object_keep_the_file_path()
    {
        const string one = """[{"title": "Satu-satunya", "body": "Isi berita yang cukup panjang untuk dibaca."}]""";
        var articles = ExtractAll(one, "tunggal.json");
        Assert.Equal("tunggal.json", Assert.Single(articles).Source.Path);
        Assert.Equal("objek.json", Assert.Single(ExtractAll(one[1..^1], "objek.json")).Source.Path);
    }

    [Fact]
    public void Articles_nested_in_a_wrapper_object_are_all_found()
    {
        const string feed = """{"status":"ok","data":{"items":[{"headline":"Satu","body":"Isi pertama."},{"headline":"Dua","body":"Isi kedua."}]}}""";
        Assert.Equal(["Satu", "Dua"], ExtractAll(feed, "feed.json").Select(a => a.Title));
    }

    [Fact]
    public void A_list_without_any_article_is_rejected_with_a_reason()
    {
        var rejected = Assert.Throws<ExtractionRejectedException>(() => ExtractAll("""[{"a": 1}, {"b": "dua"}]""", "kosong.json"));
        Assert.Contains("no article", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_document_ids_follow_from_the_file_hash_and_the_place_and_differ_from_the_file_id()
    {
        var hash = DocumentIds.Sha256Hex(Encoding.UTF8.GetBytes(ThreeArticles));
        Guid[] ids = [DocumentIds.ForItem(hash, 0), DocumentIds.ForItem(hash, 1), DocumentIds.ForItem(hash, 2)];
        Assert.Equal(3, ids.Distinct().Count());
        Assert.DoesNotContain(DocumentIds.FromSha256Hex(hash), ids);
        Assert.Equal(ids[1], DocumentIds.ForItem(hash, 1));
        Assert.NotEqual(ids[1], DocumentIds.ForItem(DocumentIds.Sha256Hex("lain"u8), 1));
    }

    private static IReadOnlyList<Article> ExtractAll(string json, string path)
    {
        var content = Encoding.UTF8.GetBytes(json);
        var source = new SourceFile(path, DocumentIds.Sha256Hex(content), MediaTypes.Json, content.Length);
        return new ArticleExtractor(new ExtractionOptions()).ExtractAll(new ExtractionInput(source, content, Extract.DefaultReference));
    }
}
