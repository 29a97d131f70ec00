using Pipeline.Extraction.Enrich;
using Pipeline.Ner;

namespace Pipeline.Extraction.Tests.Enrich;

public sealed class TaggerTokensTests
{
    private static List<string> Tokens(string text)
    {
        var spans = new List<TokenSpan>();
        TaggerTokens.Split(text, 0, text.Length, spans);
        return spans.ConvertAll(s => text.Substring(s.Start, s.Length));
    }

    [Fact]
    public void Punctuation_around_words_becomes_tokens_of_its_own()
    {
        Assert.Equal(
            ["Presiden", "Joko", "Widodo", "(", "Jokowi", ")", ",", "kata", "\"", "Ketua", "\"", "."],
            Tokens("Presiden Joko Widodo (Jokowi), kata \"Ketua\"."));
    }

    [Fact]
    public void Marks_inside_a_word_stay_in_it()
    {
        Assert.Equal(["Jokowi-JK", "KOMPAS.com", "Rp2.000", "(", "24/8", ")", "Jum'at", "."],
            Tokens("Jokowi-JK KOMPAS.com Rp2.000 (24/8) Jum'at."));
    }

    [Fact]
    public void Lone_marks_and_offsets_into_the_text_are_kept()
    {
        const string text = "  lagu - lagu ,.";
        var spans = new List<TokenSpan>();
        TaggerTokens.Split(text, 2, text.Length, spans);
        Assert.Equal([new TokenSpan(2, 4), new TokenSpan(7, 1), new TokenSpan(9, 4), new TokenSpan(14, 1), new TokenSpan(15, 1)], spans);
    }
}
