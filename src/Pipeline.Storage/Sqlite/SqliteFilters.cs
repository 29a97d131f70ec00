using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Pipeline.Storage.Documents;

namespace Pipeline.Storage.Sqlite;

/// <summary>Filters on SQLite: days are ISO text; agencies and entities live in side tables.</summary>
internal sealed class SqliteFilters : FilterClause
{
    public static SqliteFilters Instance { get; } = new();

    protected override string CurrentVersion => "d.is_current = 1";

    protected override string Bind(DbCommand command, string name, object value)
    {
        var parameter = "$" + name;
        ((SqliteCommand)command).Parameters.AddWithValue(
            parameter, value is DateOnly day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value);
        return parameter;
    }

    protected override string CitesSource(string sourceKey) =>
        $"EXISTS (SELECT 1 FROM document_sources s WHERE s.key = {sourceKey} AND s.document = d.id)";

    protected override string MentionsEntity(string entityKey) =>
        $"EXISTS (SELECT 1 FROM document_entities e WHERE e.key = {entityKey} AND e.document = d.id)";
}
