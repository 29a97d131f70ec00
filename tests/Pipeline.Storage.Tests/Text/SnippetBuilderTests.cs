using Pipeline.Storage.Text;

namespace Pipeline.Storage.Tests.Text;

public sealed class SnippetBuilderTests
{
    private static HashSet<string> TermsOf(string words) => [.. TextAnalyzer.Terms(words, AnalysisKind.English)];

    [Fact]
    public void A_long_body_is_cut_around_the_passage_with_most_query_words()
    {
        var filler = string.Concat(Enumerable.Repeat("Nothing of note happened on this quiet day. ", 20));
        var body = $"The harbour opened. {filler}Then the harbour master closed the harbour gates at noon. {filler}";
        var builder = new SnippetBuilder(snippetLength: 120);

        var (snippet, highlights) = builder.Build(body, "en", TermsOf("harbour gates"));

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("closed the harbour gates", snippet, StringComparison.Ordinal);
        Assert.Equal(["harbour", "harbour", "gates"], highlights.Select(h => snippet.Substring(h.Start, h.Length)));
        Assert.True(snippet.Length <= 120 + 2);
    }

    [Fact]
    public void Without_a_match_in_the_body_the_snippet_is_its_start()
    {
        var (snippet, highlights) = new SnippetBuilder(20).Build("First words of the body and more after.", "en", TermsOf("absent"));

        Assert.Equal("First words of the…", snippet);
        Assert.Empty(highlights);
    }

    [Fact]
    public void Line_breaks_become_spaces_without_moving_highlights()
    {
        var (snippet, highlights) = new SnippetBuilder(200).Build("Rain.\r\nRivers rose.", "en", TermsOf("rivers"));

        Assert.Equal("Rain.  Rivers rose.", snippet);
        Assert.Equal("Rivers", snippet.Substring(highlights[0].Start, highlights[0].Length));
    }
}
