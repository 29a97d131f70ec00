using System.Data.Common;
using Npgsql;
using Pipeline.Storage.Documents;

namespace Pipeline.Storage.Postgres;

/// <summary>Filters on PostgreSQL: days are dates; agencies and entities are GIN-indexed key arrays.</summary>
internal sealed class PostgresFilters : FilterClause
{
    public static PostgresFilters Instance { get; } = new();

    protected override string CurrentVersion => "d.is_current";

    protected override string Bind(DbCommand command, string name, object value)
    {
        // Npgsql sends a DateOnly as a date and a string as text.
        ((NpgsqlCommand)command).Parameters.AddWithValue(name, value);
        return "@" + name;
    }

    protected override string CitesSource(string sourceKey) => $"d.source_keys @> ARRAY[{sourceKey}]::text[]";

    protected override string MentionsEntity(string entityKey) => $"d.entity_keys @> ARRAY[{entityKey}]::text[]";
}
