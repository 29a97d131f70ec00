namespace Pipeline.Storage.Text;

/// <summary>
/// Turns a parsed query into the terms the stores indexed. Without a language filter each word is
/// analysed the English, Indonesian and plain way and any of the forms may match, so one query finds
/// articles in every language; a word that is a stop word in any of those languages is left out.
/// </summary>
public static class QueryAnalyzer
{
    private static readonly AnalysisKind[] AllKinds = [AnalysisKind.English, AnalysisKind.Indonesian, AnalysisKind.Plain];

    public static AnalyzedQuery Analyze(string? query, string? language)
    {
        var parsed = QueryParser.Parse(query);
        if (parsed.IsEmpty)
            return AnalyzedQuery.Blank;

        AnalysisKind[] kinds = language is null ? AllKinds : [TextAnalyzer.KindFor(language)];
        var required = new List<TermGroup>();
        foreach (var clause in parsed.Required)
        {
            var group = AnalyzeAlternatives(clause, kinds);
            if (group.Alternatives.Count > 0)
                required.Add(group);
        }

        var excluded = AnalyzeAlternatives(parsed.Excluded, kinds);
        return required.Count == 0 ? AnalyzedQuery.Nothing : new AnalyzedQuery(required, excluded);
    }

    private static TermGroup AnalyzeAlternatives(IReadOnlyList<string> texts, AnalysisKind[] kinds)
    {
        var alternatives = new List<IReadOnlyList<string>>();
        foreach (var text in texts)
        {
            var forms = new List<List<string>>(kinds.Length);
            var isStopWord = false;
            foreach (var kind in kinds)
            {
                var terms = TextAnalyzer.Terms(text, kind);
                isStopWord |= terms.Count == 0;
                forms.Add(terms);
            }

            if (isStopWord)
                continue;
            foreach (var form in forms)
            {
                if (!alternatives.Exists(existing => existing.SequenceEqual(form)))
                    alternatives.Add(form);
            }
        }

        return new TermGroup(alternatives);
    }
}

/// <summary>Alternatives of which one must match; each is a sequence of terms that must follow each other.</summary>
public sealed record TermGroup(IReadOnlyList<IReadOnlyList<string>> Alternatives);

/// <summary>
/// What both stores translate: every required group must match and no excluded alternative may.
/// <see cref="IsBlank"/>: nothing was typed, so filters alone decide. <see cref="MatchesNothing"/>: only
/// stop words or exclusions were typed.
/// </summary>
public sealed record AnalyzedQuery(IReadOnlyList<TermGroup> Required, TermGroup Excluded)
{
    public static AnalyzedQuery Blank { get; } = new([], new TermGroup([]));
    public static AnalyzedQuery Nothing { get; } = new([], new TermGroup([]));

    public bool IsBlank => ReferenceEquals(this, Blank);
    public bool MatchesNothing => ReferenceEquals(this, Nothing);

    /// <summary>Every term a required group may match, for highlighting.</summary>
    public HashSet<string> HighlightTerms()
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Required)
        {
            foreach (var alternative in group.Alternatives)
                terms.UnionWith(alternative);
        }

        return terms;
    }
}
