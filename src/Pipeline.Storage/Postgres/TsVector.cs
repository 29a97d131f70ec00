using System.Text;

namespace Pipeline.Storage.Postgres;

/// <summary>
/// Writes analysed title and body terms as tsvector text: title positions carry weight A, body
/// positions the default weight D. The body starts two positions after the title so no phrase spans both.
/// </summary>
/// <remarks>
/// PostgreSQL keeps positions up to 16383 and 256 per lexeme; later occurrences in very long bodies still
/// count for matching words but not for phrases, where SQLite would still find them.
/// </remarks>
internal static class TsVector
{
    private const int MaxPosition = 16383;
    private const int MaxPositionsPerLexeme = 256;

    public static string From(List<string> titleTerms, List<string> bodyTerms)
    {
        var positions = new Dictionary<string, List<int>>(titleTerms.Count + (bodyTerms.Count / 2), StringComparer.Ordinal);
        for (var i = 0; i < titleTerms.Count; i++)
            Add(positions, titleTerms[i], i + 1);
        var bodyStart = titleTerms.Count + 2;
        for (var i = 0; i < bodyTerms.Count; i++)
            Add(positions, bodyTerms[i], -Math.Min(bodyStart + i, MaxPosition));

        var builder = new StringBuilder(positions.Count * 16);
        foreach (var (lexeme, list) in positions)
        {
            builder.Append('\'').Append(lexeme).Append("':");
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                    builder.Append(',');

                // Title positions are stored positive, body positions negative, to tell them apart here.
                if (list[i] > 0)
                    builder.Append(list[i]).Append('A');
                else
                    builder.Append(-list[i]);
            }

            builder.Append(' ');
        }

        return builder.ToString();
    }

    private static void Add(Dictionary<string, List<int>> positions, string term, int position)
    {
        if (!positions.TryGetValue(term, out var list))
        {
            list = [];
            positions.Add(term, list);
        }

        if (list.Count < MaxPositionsPerLexeme && (list.Count == 0 || list[^1] != position))
            list.Add(position);
    }
}
