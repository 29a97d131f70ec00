using System.Text;
using Pipeline.Storage.Text;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// An analysed query as tsquery text; a phrase is its terms in single quotes joined by the followed-by
/// operator. The text travels as a parameter, never in SQL.
/// </summary>
internal static class TsQuery
{
    private static readonly QuerySyntax Syntax = new(" & ", " & !", " | ", AppendPhrase);

    public static string From(AnalyzedQuery query) => QueryExpression.Write(query, Syntax);

    private static void AppendPhrase(StringBuilder builder, IReadOnlyList<string> terms)
    {
        builder.Append('(');
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0)
                builder.Append(" <-> ");
            builder.Append('\'').Append(terms[i]).Append('\'');
        }

        builder.Append(')');
    }
}
