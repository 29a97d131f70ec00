using Pipeline.Storage.Text;
using Pipeline.Testing;

namespace Pipeline.Storage.Tests.Text;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData(AnalysisKind.English)]
    [InlineData(AnalysisKind.Indonesian)]
    [InlineData(AnalysisKind.Plain)]
    public void Terms_are_lower_case_letters_and_digits_only(AnalysisKind kind)
    {
        var terms = TextAnalyzer.Terms("U.S. growth was 3.5% in Q2; e-mail: \"NATO-Ukraina\" (Jakarta) — ÉLAN", kind);

        Assert.NotEmpty(terms);
        Assert.All(terms, term =>
        {
            Assert.All(term, c => Assert.True(char.IsLetterOrDigit(c), $"'{c}' in '{term}'"));
            Assert.Equal(term.ToLowerInvariant(), term);
        });
    }

    [Fact]
    public void English_conflates_word_forms_and_drops_stop_words_and_possessives()
    {
        var terms = TextAnalyzer.Terms("The ministers were debating; a minister debated Stoltenberg's plan", AnalysisKind.English);

        Assert.DoesNotContain("the", terms);
        Assert.DoesNotContain("a", terms);
        Assert.DoesNotContain("s", terms);
        Assert.Equal(terms[0], terms[3]);
        Assert.Equal(terms[2], terms[4]);
    }

    [Fact]
    public void Indonesian_conflates_prefixed_and_suffixed_forms_and_drops_stop_words()
    {
        var terms = TextAnalyzer.Terms("membangun pembangunan dibangun yang dan bangun", AnalysisKind.Indonesian);

        Assert.Equal(4, terms.Count);
        Assert.Single(terms.Distinct());
    }

    [Fact]
    public void Plain_text_keeps_every_word()
    {
        Assert.Equal(["the", "ministers", "yang", "dan"], TextAnalyzer.Terms("The ministers yang dan", AnalysisKind.Plain));
    }

    [Fact]
    public void Offsets_point_at_the_word_in_the_text()
    {
        const string text = "Rivers rose, residents evacuated.";
        var words = new List<string>();

        TextAnalyzer.Analyze(text, AnalysisKind.English, (_, start, end) =>
        {
            words.Add(text[start..end]);
            return true;
        });

        Assert.Equal(["Rivers", "rose", "residents", "evacuated"], words);
    }

    [Theory]
    [InlineData("en", AnalysisKind.English)]
    [InlineData("EN", AnalysisKind.English)]
    [InlineData("id", AnalysisKind.Indonesian)]
    [InlineData("fr", AnalysisKind.Plain)]
    [InlineData(null, AnalysisKind.Plain)]
    public void The_language_chooses_the_analysis(string? language, AnalysisKind expected) =>
        Assert.Equal(expected, TextAnalyzer.KindFor(language));

    [Fact]
    public void The_term_cache_of_a_thread_is_bounded()
    {
        // A long-running worker meets new names and numbers forever; its cache must not keep them all.
        var cached = 0;
        var thread = new Thread(() =>
        {
            for (var i = 0; i < 100_000; i++)
                TextAnalyzer.Terms($"kata{i}", AnalysisKind.Indonesian);
            cached = TextAnalyzer.CachedWordCount;
        });
        thread.Start();
        thread.Join();

        Assert.InRange(cached, 1, 2 * TextAnalyzer.CachedWordsPerKind);
        Assert.Equal(["kata1"], TextAnalyzer.Terms("kata1", AnalysisKind.Indonesian));
    }

    [Theory]
    [InlineData(AnalysisKind.English)]
    [InlineData(AnalysisKind.Indonesian)]
    [InlineData(AnalysisKind.Plain)]
    public void Finding_terms_reports_exactly_the_words_full_analysis_would(AnalysisKind kind)
    {
        // Every distinct term of every sample article, in both languages, under each analysis: finding it must
        // skip no word that analyses to it (the shortcut rests on what the stemmers do to a word's letters).
        var texts = Directory.EnumerateFiles(RepoPaths.Seeds, "*.*", SearchOption.AllDirectories)
            .Where(path => Path.GetExtension(path) is ".txt" or ".md" or ".html")
            .Select(File.ReadAllText)
            .ToList();
        Assert.True(texts.Count >= 20, $"only {texts.Count} sample articles found under {RepoPaths.Seeds}");
        var checkedTerms = 0;
        foreach (var text in texts)
        {
            var all = new List<(string Term, int Start, int End)>();
            TextAnalyzer.Analyze(text, kind, (term, start, end) =>
            {
                all.Add((term, start, end));
                return true;
            });
            foreach (var group in all.GroupBy(match => match.Term))
            {
                var found = new List<(string Term, int Start, int End)>();
                TextAnalyzer.FindTerms(text, kind, new HashSet<string>([group.Key, "zzzunused"], StringComparer.Ordinal), (term, start, end) =>
                {
                    found.Add((term, start, end));
                    return true;
                });
                Assert.Equal(group.ToList(), found);
                checkedTerms++;
            }
        }

        Assert.True(checkedTerms > 2_000, $"only {checkedTerms} terms checked");
    }
}
