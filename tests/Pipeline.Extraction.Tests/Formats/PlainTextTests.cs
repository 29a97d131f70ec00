namespace Pipeline.Extraction.Tests.Formats;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("JAKARTA - Warga berkumpul.", "Jakarta", null, null)]
    [InlineData("Jakarta (ANTARA) - Warga berkumpul.", "Jakarta", "ANTARA", null)]
    [InlineData("JAKARTA, KOMPAS.com - Warga berkumpul.", "Jakarta", null, "KOMPAS.com")]
    [InlineData("TEMPO.CO, Jakarta - Warga berkumpul.", "Jakarta", null, "TEMPO.CO")]
    [InlineData("NEW YORK (Reuters) - People gathered.", "New York", "Reuters", null)]
    [InlineData("Surabaya -- Warga berkumpul.", "Surabaya", null, null)]
    public void Datelines_are_split_from_the_body(string firstParagraph, string place, string? agency, string? outlet)
    {
        var article = Extract.Text("Judul\n" + firstParagraph + "\nParagraf kedua yang panjang sekali isinya.");
        Assert.Equal(place, article.Dateline);
        Assert.DoesNotContain(" - ", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.True(article.Paragraphs[0].StartsWith("Warga", StringComparison.Ordinal) || article.Paragraphs[0].StartsWith("People", StringComparison.Ordinal));
        if (agency is not null)
            Assert.Contains(agency, article.Sources);
        Assert.Equal(outlet, article.SiteName);
    }

    [Fact]
    public void A_sentence_opening_with_a_name_and_a_dash_is_not_a_dateline()
    {
        var article = Extract.Text("Judul\nPrabowo Subianto - Gibran Rakabuming menghadiri acara itu.");
        Assert.Null(article.Dateline);
        Assert.StartsWith("Prabowo Subianto - Gibran", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Hard_wrapped_paragraphs_separated_by_blank_lines_are_joined()
    {
        var article = Extract.Text("Judul Berita\n\nBaris pertama paragraf satu\nberlanjut di sini.\n\nParagraf dua juga\nterpotong di tengah.\n");
        Assert.Equal(["Baris pertama paragraf satu berlanjut di sini.", "Paragraf dua juga terpotong di tengah."], article.Paragraphs);
    }

    [Fact]
    public void Boilerplate_lines_are_removed_and_credits_become_authors()
    {
        var article = Extract.Text(string.Join('\n',
            "Judul",
            "Paragraf pertama berisi berita.",
            "Baca juga: Judul Lain Yang Ditautkan",
            "ADVERTISEMENT",
            "Scroll to continue with content",
            "Paragraf kedua berisi berita.",
            "Baca juga:",
            "Berita Terkait Tentang Banjir",
            "Paragraf ketiga tetap ada.",
            "Penulis: Rina Wulandari",
            "Editor: Agus Salim"));
        Assert.Equal(["Paragraf pertama berisi berita.", "Paragraf kedua berisi berita.", "Paragraf ketiga tetap ada."], article.Paragraphs);
        Assert.Equal(["Rina Wulandari"], article.Authors);
    }

    [Fact]
    public void A_sentence_opening_with_oleh_is_body_text_not_a_credit_line()
    {
        var article = Extract.Text("Judul\nSatu.\nOleh sebab itu, partai menerima dia sebagai calon.\nOleh: Rina Wulandari");
        Assert.Equal(["Satu.", "Oleh sebab itu, partai menerima dia sebagai calon."], article.Paragraphs);
        Assert.Equal(["Rina Wulandari"], article.Authors);
    }

    [Fact]
    public void A_paragraph_after_a_bare_read_also_label_is_kept()
    {
        var article = Extract.Text("Judul\nSatu.\nBaca juga:\nIa juga mendesak pemerintah untuk bertindak cepat.\n");
        Assert.Equal(["Satu.", "Ia juga mendesak pemerintah untuk bertindak cepat."], article.Paragraphs);
    }

    [Fact]
    public void Body_joins_paragraphs_with_a_blank_line_and_counts_words()
    {
        var article = Extract.Text("Judul\nSatu dua tiga.\nEmpat lima.");
        Assert.Equal("Satu dua tiga.\n\nEmpat lima.", article.Body);
        Assert.Equal(5, article.WordCount);
    }
}
