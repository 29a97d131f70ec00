using System.Text.Json;
using K4os.Compression.LZ4;
using Pipeline.Storage.Documents;

namespace Pipeline.Storage.Tests.Documents;

public sealed class DocumentCodecTests
{
    [Fact]
    public void A_packed_article_holds_exactly_the_JSON_the_serializer_writes_and_unpacks_to_it()
    {
        // Non-ASCII and characters the web encoder escapes, so a writer with other escaping would differ.
        var article = TestArticles.Create("desk/é.txt", "Banjir <Jakarta> & \"Bekasi\"", "Air naik 1,5 m — warga mengungsi ke 雅加达.",
            entities: [("Jakarta", "Location")]).Article;
        var expected = JsonSerializer.SerializeToUtf8Bytes(article, StorageJsonContext.Default.Article);

        var packed = DocumentCodec.PackArticle(article);

        Assert.Equal(expected, LZ4Pickler.Unpickle(packed));
        Assert.Equal(expected, JsonSerializer.SerializeToUtf8Bytes(DocumentCodec.UnpackArticle(packed), StorageJsonContext.Default.Article));
    }

    [Fact]
    public void A_smaller_article_packed_after_a_larger_one_on_the_same_thread_keeps_nothing_of_it()
    {
        var large = TestArticles.Create("a.txt", "Besar", string.Join(' ', Enumerable.Repeat("kata panjang sekali", 5000))).Article;
        var small = TestArticles.Create("b.txt", "Kecil", "Satu kalimat saja.").Article;

        DocumentCodec.PackArticle(large);
        var packed = DocumentCodec.PackArticle(small);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(small, StorageJsonContext.Default.Article), LZ4Pickler.Unpickle(packed));
    }
}
