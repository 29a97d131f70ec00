namespace Pipeline.Extraction.Tests.Enrich;

public sealed class QuoteTests
{
    [Fact]
    public void Pronoun_attribution_points_back_to_the_last_speaker()
    {
        var article = Extract.Text(string.Join('\n',
            "Judul",
            "Menteri Keuangan Sri Wahyuni menjelaskan rencana anggaran tahun depan.",
            "“Defisit akan kami jaga di bawah tiga persen dari produk domestik bruto,” kata Wahyuni.",
            "“Belanja modal tetap menjadi prioritas utama pemerintah pusat tahun depan,” ujarnya."));
        Assert.Equal(2, article.Quotes.Count);
        Assert.All(article.Quotes, q => Assert.Equal("Sri Wahyuni", q.Speaker));
        Assert.All(article.Quotes, q => Assert.Equal(q.Text, article.Body.Substring(q.Start, q.Length)));
        Assert.DoesNotContain(article.Quotes, q => q.Text.EndsWith(','));
    }

    [Fact]
    public void English_attributions_before_and_after_the_name_are_read()
    {
        var article = Extract.Text(string.Join('\n',
            "Title",
            "\"We will not raise taxes this year, whatever happens,\" Governor Maria Lopez said on Monday.",
            "Her rival disagreed. \"The budget does not add up and everyone knows it,\" said John Carter.",
            "\"Voters deserve a straight answer on this before the election,\" he added."));
        Assert.Equal(["Maria Lopez", "John Carter", "John Carter"], article.Quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void Lead_in_ending_in_a_colon_names_the_speaker()
    {
        var article = Extract.Text("Judul\nKetua panitia Budi Hartono menegaskan: \"Semua peserta wajib membawa kartu identitas saat registrasi ulang.\"");
        var quote = Assert.Single(article.Quotes);
        Assert.Equal("Budi Hartono", quote.Speaker);
    }

    [Fact]
    public void Scare_quotes_inside_narration_are_not_quotations()
    {
        var article = Extract.Text("Judul\nPresiden Joko Santoso mengirim \"pesan yang jelas\" kepada para menteri agar bekerja lebih cepat.");
        Assert.Empty(article.Quotes);
    }

    [Fact]
    public void Surname_and_title_prefixed_mentions_merge_into_the_full_name()
    {
        var article = Extract.Text(string.Join('\n',
            "Judul",
            "Perdana Menteri Hongaria Viktor Orban menolak usulan itu.",
            "Orban mengatakan negaranya tidak akan mengirim tentara.",
            "“Kami tidak akan ikut berperang di negeri orang,” kata PM Orban."));
        var orban = Assert.Single(article.Entities, e => e.Name == "Viktor Orban");
        Assert.Equal("Person", orban.Type);
        Assert.Equal(["Viktor Orban", "Orban", "Orban"], orban.Mentions.Select(m => m.Text));
        Assert.All(orban.Mentions, m => Assert.Equal(m.Text, article.Body.Substring(m.Start, m.Length)));
        Assert.Equal("Viktor Orban", Assert.Single(article.Quotes).Speaker);
    }
}
