using System.Text;
using Pipeline.Storage.Text;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// Writes an analysed query as tsquery text. Every term is a run of letters and digits inside single
/// quotes, so no user input can become tsquery syntax; the text travels as a parameter, never in SQL.
/// </summary>
internal static class TsQuery
{
    public static string From(AnalyzedQuery query)
    {
        var builder = new StringBuilder();
        foreach (var group in query.Required)
        {
            if (builder.Length > 0)
                builder.Append(" & ");
            AppendGroup(builder, group);
        }

        if (query.Excluded.Alternatives.Count > 0)
        {
            builder.Append(" & !");
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
                builder.Append(" | ");
            var terms = group.Alternatives[i];
            builder.Append('(');
            for (var j = 0; j < terms.Count; j++)
            {
                if (j > 0)
                    builder.Append(" <-> ");
                builder.Append('\'').Append(terms[j]).Append('\'');
            }

            builder.Append(')');
        }

        builder.Append(')');
    }
}
