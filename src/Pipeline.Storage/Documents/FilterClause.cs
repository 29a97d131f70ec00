using System.Data.Common;
using System.Text;

namespace Pipeline.Storage.Documents;

/// <summary>
/// The WHERE conditions of a request's filters on <c>documents d</c>, with their parameters. Both stores
/// filter the same columns with names normalised the same way (<see cref="IndexedDocument.Key"/>); they
/// differ in how a parameter is written and bound and in how agencies and entities are stored.
/// </summary>
internal abstract class FilterClause
{
    public string Write(SearchRequest request, DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sql = new StringBuilder(CurrentVersion);
        if (IndexedDocument.Key(request.Language) is { } language)
            sql.Append(" AND d.language = ").Append(Bind(command, "language", language));
        if (request.From is { } from)
            sql.Append(" AND d.published_on >= ").Append(Bind(command, "from", from));
        if (request.To is { } to)
            sql.Append(" AND d.published_on <= ").Append(Bind(command, "to", to));
        if (IndexedDocument.Key(request.Site) is { } site)
            sql.Append(" AND d.site_key = ").Append(Bind(command, "site", site));
        if (IndexedDocument.Key(request.Source) is { } source)
            sql.Append(" AND ").Append(CitesSource(Bind(command, "source", source)));
        if (IndexedDocument.Key(request.Entity) is { } entity)
            sql.Append(" AND ").Append(MentionsEntity(Bind(command, "entity", entity)));
        return sql.ToString();
    }

    /// <summary>The condition that keeps only the version of a path that search sees.</summary>
    protected abstract string CurrentVersion { get; }

    /// <summary>Adds a parameter (a name key or a day) and returns how the SQL refers to it.</summary>
    protected abstract string Bind(DbCommand command, string name, object value);

    protected abstract string CitesSource(string sourceKey);

    protected abstract string MentionsEntity(string entityKey);
}
