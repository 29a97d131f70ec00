using Pipeline.Extraction.Enrich;

namespace Pipeline.Extraction.Tests.Enrich;

public sealed class KeywordSummaryTests
{
    private const string Article = """
        Harga Beras Naik di Pasar Tradisional
        Harga beras medium di pasar tradisional naik menjadi Rp 14.000 per kilogram pekan ini.
        Pedagang beras mengatakan pasokan beras dari daerah produsen berkurang karena panen mundur.
        Pemerintah berjanji menyalurkan beras cadangan ke pasar tradisional mulai Senin.
        Cuaca cerah sepanjang hari di ibu kota.
        """;

    [Fact]
    public void Keywords_are_content_words_not_stop_words()
    {
        var article = Extract.Text(Article);
        Assert.Equal("beras", article.Keywords[0]);
        Assert.Contains("pasar", article.Keywords);
        Assert.DoesNotContain(article.Keywords, k => k is "di" or "yang" or "dari" or "ke" or "karena");
    }

    [Fact]
    public void Keywords_owe_nothing_to_the_article_extracted_before_on_the_same_thread()
    {
        const string other = """
            Gempa Mengguncang Pulau Lombok
            Gempa berkekuatan 5,2 mengguncang Lombok pada Selasa pagi.
            Warga Lombok berlarian keluar rumah ketika gempa terasa kuat.
            Petugas memeriksa gedung sekolah setelah gempa mereda.
            """;
        var first = Extract.Text(Article).Keywords;

        var between = Extract.Text(other).Keywords;
        var again = Extract.Text(Article).Keywords;

        Assert.Contains("gempa", between);
        Assert.Equal(first, again);
        Assert.DoesNotContain("gempa", again);
    }

    [Fact]
    public void Summary_is_made_of_whole_sentences_of_the_body_in_order()
    {
        var article = Extract.Text(Article);
        Assert.NotNull(article.Summary);
        Assert.StartsWith("Harga beras medium", article.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Cuaca cerah", article.Summary, StringComparison.Ordinal);
        Assert.True(article.Summary.Length < article.Body.Length);
    }

    [Fact]
    public void A_keyword_counts_in_a_sentence_whatever_its_case()
    {
        // The first sentence wins on position alone; the third only if its capitalised keywords count as hits.
        const string body = "Cuaca pagi ini cerah sekali di kota. Warga berbelanja di pasar pagi ini. BANJIR melanda Jakarta utara dan Pompa air rusak.";

        var summary = Summarizer.Summarise(body, TextSpans.Sentences(body), ["banjir", "jakarta", "pompa"], sentenceCount: 1);

        Assert.Equal("BANJIR melanda Jakarta utara dan Pompa air rusak.", summary);
    }
}
