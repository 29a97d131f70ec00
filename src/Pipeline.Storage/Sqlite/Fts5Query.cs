using System.Text;
using Pipeline.Storage.Text;

namespace Pipeline.Storage.Sqlite;

/// <summary>An analysed query as an FTS5 MATCH expression; a phrase is its terms inside double quotes.</summary>
internal static class Fts5Query
{
    private static readonly QuerySyntax Syntax = new(" AND ", " NOT ", " OR ", AppendPhrase);

    public static string From(AnalyzedQuery query) => QueryExpression.Write(query, Syntax);

    private static void AppendPhrase(StringBuilder builder, IReadOnlyList<string> terms) =>
        builder.Append('"').AppendJoin(' ', terms).Append('"');
}
