using Npgsql;
using NpgsqlTypes;
using Pipeline.Storage.Documents;

namespace Pipeline.Storage.Postgres;

/// <summary>The WHERE conditions of a request's filters on <c>documents d</c>, with their parameters.</summary>
internal static class PostgresFilters
{
    public static string Apply(SearchRequest request, NpgsqlCommand command)
    {
        var sql = "d.is_current";
        if (IndexedDocument.Key(request.Language) is { } language)
        {
            sql += " AND d.language = @language";
            command.Parameters.AddWithValue("language", language);
        }

        if (request.From is { } from)
        {
            sql += " AND d.published_on >= @from";
            command.Parameters.AddWithValue("from", NpgsqlDbType.Date, from);
        }

        if (request.To is { } to)
        {
            sql += " AND d.published_on <= @to";
            command.Parameters.AddWithValue("to", NpgsqlDbType.Date, to);
        }

        if (IndexedDocument.Key(request.Site) is { } site)
        {
            sql += " AND d.site_key = @site";
            command.Parameters.AddWithValue("site", site);
        }

        if (IndexedDocument.Key(request.Source) is { } source)
        {
            sql += " AND d.source_keys @> ARRAY[@source]::text[]";
            command.Parameters.AddWithValue("source", source);
        }

        if (IndexedDocument.Key(request.Entity) is { } entity)
        {
            sql += " AND d.entity_keys @> ARRAY[@entity]::text[]";
            command.Parameters.AddWithValue("entity", entity);
        }

        return sql;
    }
}
