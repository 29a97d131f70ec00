using Microsoft.Data.Sqlite;
using Pipeline.Storage.Documents;

namespace Pipeline.Storage.Sqlite;

/// <summary>The WHERE conditions of a request's filters on <c>documents d</c>, with their parameters.</summary>
internal static class SqliteFilters
{
    public static string Apply(SearchRequest request, SqliteCommand command)
    {
        var sql = "d.is_current = 1";
        if (IndexedDocument.Key(request.Language) is { } language)
        {
            sql += " AND d.language = $language";
            command.Parameters.AddWithValue("$language", language);
        }

        if (request.From is { } from)
        {
            sql += " AND d.published_on >= $from";
            command.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (request.To is { } to)
        {
            sql += " AND d.published_on <= $to";
            command.Parameters.AddWithValue("$to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (IndexedDocument.Key(request.Site) is { } site)
        {
            sql += " AND d.site_key = $site";
            command.Parameters.AddWithValue("$site", site);
        }

        if (IndexedDocument.Key(request.Source) is { } source)
        {
            sql += " AND EXISTS (SELECT 1 FROM document_sources s WHERE s.key = $source AND s.document = d.id)";
            command.Parameters.AddWithValue("$source", source);
        }

        if (IndexedDocument.Key(request.Entity) is { } entity)
        {
            sql += " AND EXISTS (SELECT 1 FROM document_entities e WHERE e.key = $entity AND e.document = d.id)";
            command.Parameters.AddWithValue("$entity", entity);
        }

        return sql;
    }
}
