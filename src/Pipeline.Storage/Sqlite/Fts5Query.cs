using System.Text;
using Pipeline.Storage.Text;

namespace Pipeline.Storage.Sqlite;

/// <summary>
/// Writes an analysed query as an FTS5 MATCH expression. Every term is a run of letters and digits and
/// is written inside double quotes, so no user input can become FTS5 syntax.
/// </summary>
internal static class Fts5Query
{
    public static string From(AnalyzedQuery query)
    {
        var builder = new StringBuilder();
        foreach (var group in query.Required)
        {
            if (builder.Length > 0)
                builder.Append(" AND ");
            AppendGroup(builder, group);
        }

        if (query.Excluded.Alternatives.Count > 0)
        {
            builder.Append(" NOT ");
            AppendGroup(builder, query.Excluded);
        }

        return builder.ToString();
    }

    private static void AppendGroup(StringBuilder builder, TermGroup group)
    {
        builder.Append('(');
        for (var i = 0; i < group.Alternatives.Count; i++)
        {
            if (i > 0)
                builder.Append(" OR ");
            builder.Append('"').AppendJoin(' ', group.Alternatives[i]).Append('"');
        }

        builder.Append(')');
    }
}
