using Pipeline.Storage.Text;

namespace Pipeline.Storage.Tests.Text;

public sealed class QueryParserTests
{
    [Fact]
    public void Words_are_separate_required_clauses()
    {
        var query = QueryParser.Parse("flood  jakarta");

        Assert.Equal([["flood"], ["jakarta"]], query.Required);
        Assert.Empty(query.Excluded);
    }

    [Fact]
    public void A_quoted_phrase_is_one_clause_and_an_unclosed_quote_ends_at_the_end()
    {
        Assert.Equal([["flood defences"], ["rain"]], QueryParser.Parse("\"flood defences\" rain").Required);
        Assert.Equal([["rain"], ["flood defences"]], QueryParser.Parse("rain \"flood defences").Required);
    }

    [Fact]
    public void OR_joins_the_words_on_both_sides_into_alternatives()
    {
        Assert.Equal([["a", "b", "c"], ["d"]], QueryParser.Parse("a OR b OR \"c\" d").Required);
    }

    [Fact]
    public void A_leading_minus_excludes_a_word_or_phrase()
    {
        var query = QueryParser.Parse("flood -budget -\"finance minister\" well-known");

        Assert.Equal([["flood"], ["well-known"]], query.Required);
        Assert.Equal(["budget", "finance minister"], query.Excluded);
    }

    [Theory]
    [InlineData("OR")]
    [InlineData("OR OR")]
    [InlineData("- \"\" ; ,")]
    [InlineData("")]
    [InlineData("   ")]
    public void Operators_and_punctuation_alone_leave_nothing(string input) =>
        Assert.True(QueryParser.Parse(input).IsEmpty);

    [Fact]
    public void A_dangling_OR_is_ignored()
    {
        Assert.Equal([["flood"]], QueryParser.Parse("OR flood OR").Required);
    }
}
