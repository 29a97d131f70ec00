using Pipeline.Storage.Text;

namespace Pipeline.Storage.Tests.Text;

public sealed class QueryAnalyzerTests
{
    [Fact]
    public void Without_a_language_each_word_may_match_in_any_language()
    {
        var query = QueryAnalyzer.Analyze("membangun", language: null);

        var alternatives = Assert.Single(query.Required).Alternatives;
        Assert.Contains(TextAnalyzer.Terms("membangun", AnalysisKind.Indonesian), alternatives);
        Assert.Contains(TextAnalyzer.Terms("membangun", AnalysisKind.Plain), alternatives);
    }

    [Fact]
    public void With_a_language_only_that_analysis_is_used()
    {
        var query = QueryAnalyzer.Analyze("membangun", "id");

        Assert.Equal([TextAnalyzer.Terms("membangun", AnalysisKind.Indonesian)], Assert.Single(query.Required).Alternatives);
    }

    [Fact]
    public void Blank_input_is_blank_and_only_stop_words_or_exclusions_match_nothing()
    {
        Assert.True(QueryAnalyzer.Analyze("  ", null).IsBlank);
        Assert.True(QueryAnalyzer.Analyze("the yang", null).MatchesNothing);
        Assert.True(QueryAnalyzer.Analyze("-flood", null).MatchesNothing);
        Assert.False(QueryAnalyzer.Analyze("the flood", null).MatchesNothing);
    }

    [Fact]
    public void Highlight_terms_cover_every_required_form_but_not_exclusions()
    {
        var terms = QueryAnalyzer.Analyze("rivers -budget", null).HighlightTerms();

        Assert.Contains(TextAnalyzer.Terms("rivers", AnalysisKind.English)[0], terms);
        Assert.Contains("rivers", terms);
        Assert.DoesNotContain("budget", terms);
    }
}
