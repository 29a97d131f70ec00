using System.Data.Common;

namespace Pipeline.Storage.Documents;

/// <summary>
/// Runs a store's facet queries and orders their counts the same way for both stores. Each query
/// follows <see cref="FacetSql.Matched"/>, a CTE named <c>matched</c> over what the request matches.
/// </summary>
internal static class FacetCounts
{
    public static async Task<SearchFacets> CountAsync(DbCommand command, FacetSql sql, CancellationToken cancellationToken)
    {
        command.CommandText = sql.Matched + "SELECT count(*) FROM matched";
        var total = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var languages = await ReadAsync(command, sql.Matched + sql.Languages, cancellationToken);
        var sources = await ReadAsync(command, sql.Matched + sql.Sources, cancellationToken);
        var entities = await ReadAsync(command, sql.Matched + sql.TopEntities, cancellationToken);
        var months = await ReadAsync(command, sql.Matched + sql.Months, cancellationToken);
        return new SearchFacets(total, FacetOrder.ByCount(languages), FacetOrder.ByCount(sources), FacetOrder.ByCount(entities), FacetOrder.ByValue(months));
    }

    private static async Task<List<FacetCount>> ReadAsync(DbCommand command, string sql, CancellationToken cancellationToken)
    {
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<FacetCount>();
        while (await reader.ReadAsync(cancellationToken))
            counts.Add(new FacetCount(reader.GetString(0), reader.GetInt64(1)));
        return counts;
    }
}

/// <summary>
/// One store's facet SQL: the <c>matched</c> CTE, then a query per facet returning (value, count) rows,
/// absent values as <see cref="FacetOrder.Unknown"/>; the entity query returns only the top ones.
/// </summary>
internal sealed record FacetSql(string Matched, string Languages, string Sources, string TopEntities, string Months);
