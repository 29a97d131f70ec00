using System.Text;

namespace Pipeline.Storage.Text;

/// <summary>
/// Writes an analysed query in a store's full-text syntax: required groups joined by AND, the excluded
/// group after AND NOT, alternatives joined by OR, each alternative a phrase of terms. The stores differ
/// only in the words for these and in how a phrase is written (<see cref="QuerySyntax"/>).
/// </summary>
/// <remarks>
/// Every term is a run of letters and digits (see <see cref="TextAnalyzer"/>) and each syntax quotes it,
/// so no user input can become query syntax.
/// </remarks>
internal static class QueryExpression
{
    public static string Write(AnalyzedQuery query, QuerySyntax syntax)
    {
        var builder = new StringBuilder();
        foreach (var group in query.Required)
        {
            if (builder.Length > 0)
                builder.Append(syntax.And);
            AppendGroup(builder, group, syntax);
        }

        if (query.Excluded.Alternatives.Count > 0)
        {
            builder.Append(syntax.AndNot);
            AppendGroup(builder, query.Excluded, syntax);
        }

        return builder.ToString();
    }

    private static void AppendGroup(StringBuilder builder, TermGroup group, QuerySyntax syntax)
    {
        builder.Append('(');
        for (var i = 0; i < group.Alternatives.Count; i++)
        {
            if (i > 0)
                builder.Append(syntax.Or);
            syntax.AppendPhrase(builder, group.Alternatives[i]);
        }

        builder.Append(')');
    }
}

/// <param name="AppendPhrase">Writes terms that must follow each other, each one quoted.</param>
internal sealed record QuerySyntax(string And, string AndNot, string Or, Action<StringBuilder, IReadOnlyList<string>> AppendPhrase);
