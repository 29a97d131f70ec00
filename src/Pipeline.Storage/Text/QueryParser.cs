using System.Text;

namespace Pipeline.Storage.Text;

/// <summary>
/// Reads a search as a person types it: words (all must match), "exact phrase", OR between
/// alternatives, -word or -"phrase" to exclude. Never fails: unbalanced quotes close at the end, stray
/// operators are ignored, punctuation only separates words.
/// </summary>
public static class QueryParser
{
    public static ParsedQuery Parse(string? input)
    {
        var required = new List<List<string>>();
        var excluded = new List<string>();
        var tokens = Tokenize(input ?? string.Empty);
        var joinWithPrevious = false;
        foreach (var token in tokens)
        {
            if (token is { IsPhrase: false, Excluded: false, Text: "OR" })
            {
                joinWithPrevious = required.Count > 0;
                continue;
            }

            if (token.Excluded)
                excluded.Add(token.Text);
            else if (joinWithPrevious)
                required[^1].Add(token.Text);
            else
                required.Add([token.Text]);
            joinWithPrevious = false;
        }

        return new ParsedQuery(required, excluded);
    }

    private static List<QueryToken> Tokenize(string input)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < input.Length)
        {
            if (char.IsWhiteSpace(input[i]))
            {
                i++;
                continue;
            }

            var excluded = false;
            if (input[i] == '-' && i + 1 < input.Length && !char.IsWhiteSpace(input[i + 1]))
            {
                excluded = true;
                i++;
            }

            if (input[i] == '"')
            {
                var close = input.IndexOf('"', i + 1);
                var end = close < 0 ? input.Length : close;
                AddIfWordy(tokens, input[(i + 1)..end], isPhrase: true, excluded);
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < input.Length && !char.IsWhiteSpace(input[i]) && input[i] != '"')
                i++;
            AddIfWordy(tokens, input[start..i], isPhrase: false, excluded);
        }

        return tokens;
    }

    private static void AddIfWordy(List<QueryToken> tokens, string text, bool isPhrase, bool excluded)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                tokens.Add(new QueryToken(text, isPhrase, excluded));
                return;
            }
        }
    }

    private readonly record struct QueryToken(string Text, bool IsPhrase, bool Excluded);
}

/// <summary>
/// A parsed query before analysis: each required clause is a list of alternatives (joined by OR), each
/// alternative and each excluded item is a word or phrase as typed.
/// </summary>
public sealed record ParsedQuery(IReadOnlyList<IReadOnlyList<string>> Required, IReadOnlyList<string> Excluded)
{
    public bool IsEmpty => Required.Count == 0 && Excluded.Count == 0;
}
