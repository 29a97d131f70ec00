using Pipeline.Ingest.Watching;

namespace Pipeline.Ingest.Tests;

public class WildcardAndIgnoreRulesTests
{
    private readonly IgnoreRules _defaults = new([]);

    [Theory]
    [InlineData(".hidden.txt")]
    [InlineData("~report.txt")]
    [InlineData("article.tmp")]
    [InlineData("ARTICLE.TMP")]
    [InlineData("article.txt.part")]
    [InlineData("article.html.crdownload")]
    [InlineData(".sync/article.txt")]
    [InlineData("desk/.drafts/article.txt")]
    public void Temporary_and_hidden_files_are_ignored(string relativePath) =>
        Assert.True(_defaults.IsIgnored(relativePath));

    [Theory]
    [InlineData("article.txt")]
    [InlineData("tmp.txt")]
    [InlineData("report.tmp.txt")]
    [InlineData("desk/sport/article.html")]
    [InlineData("berita utama 雅加达.txt")]
    [InlineData("a~b.txt")]
    public void Ordinary_articles_are_not_ignored(string relativePath) =>
        Assert.False(_defaults.IsIgnored(relativePath));

    [Fact]
    public void Configured_patterns_are_added_to_the_defaults()
    {
        var rules = new IgnoreRules(["*.bak", "Thumbs.db"]);

        Assert.True(rules.IsIgnored("old/article.BAK"));
        Assert.True(rules.IsIgnored("thumbs.db"));
        Assert.True(rules.IsIgnored("x.part"));
        Assert.False(rules.IsIgnored("article.txt"));
    }

    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*.txt", ".txt", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("*.tmp", "x.tmpx", false)]
    [InlineData("~*", "x~", false)]
    public void Wildcards_match_whole_names(string pattern, string name, bool expected) =>
        Assert.Equal(expected, Wildcard.IsMatch(pattern, name));
}
