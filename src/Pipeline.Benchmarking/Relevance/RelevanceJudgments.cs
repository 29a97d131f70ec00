using System.Text.Json;
using Pipeline.Storage;

namespace Pipeline.Benchmarking.Relevance;

/// <summary>
/// A relevance set: sample articles (paths relative to the seeds folder) and search queries, each with the
/// articles judged relevant to it. The file format is <c>seeds/relevance/judgments.json</c>.
/// </summary>
public sealed record RelevanceJudgments(DateOnly ReferenceDate, IReadOnlyList<string> Documents, IReadOnlyList<JudgedQuery> Queries)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads and checks a judgments file; every mistake in it is reported by name, not as a wrong figure later.</summary>
    public static RelevanceJudgments Load(string path)
    {
        RelevanceJudgments? judgments;
        try
        {
            judgments = JsonSerializer.Deserialize<RelevanceJudgments>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid judgments file: {e.Message}", e);
        }

        if (judgments is null || judgments.Documents is not { Count: > 0 } || judgments.Queries is not { Count: > 0 })
            throw new InvalidDataException($"{path} must list documents and queries.");
        var documents = new HashSet<string>(judgments.Documents, StringComparer.Ordinal);
        foreach (var query in judgments.Queries)
        {
            if (query.Relevant is not { Count: > 0 })
                throw new InvalidDataException($"{path}: query '{query.Query}' has no relevant document.");
            foreach (var relevant in query.Relevant)
            {
                if (!documents.Contains(relevant))
                    throw new InvalidDataException($"{path}: query '{query.Query}' judges '{relevant}' relevant, which is not in the documents list.");
            }
        }

        return judgments;
    }
}

/// <summary>One query as a person would type it, with optional filters, and the documents judged relevant.</summary>
/// <param name="Kind">What the query exercises (e.g. words-id, phrase, or, excluded, filter-date): for reading the report.</param>
public sealed record JudgedQuery(
    string Kind,
    string Query,
    IReadOnlyList<string> Relevant,
    string? Lang = null,
    string? Source = null,
    string? Entity = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public SearchRequest ToRequest(int limit) => new(Query)
    {
        Limit = limit,
        Language = Lang,
        Source = Source,
        Entity = Entity,
        From = From,
        To = To,
    };

    /// <summary>The query with its filters, as the report shows it.</summary>
    public override string ToString()
    {
        var filters = new List<string>();
        if (Lang is not null) filters.Add($"lang={Lang}");
        if (Source is not null) filters.Add($"source={Source}");
        if (Entity is not null) filters.Add($"entity={Entity}");
        if (From is not null) filters.Add($"from={From:yyyy-MM-dd}");
        if (To is not null) filters.Add($"to={To:yyyy-MM-dd}");
        return filters.Count == 0 ? Query : $"{Query} [{string.Join(' ', filters)}]";
    }
}
