using System.Text.Json.Serialization;
using Pipeline.Contracts.Serialization;

namespace Pipeline.Contracts;

/// <summary>
/// The enriched article: what extraction produces, what indexing stores and what search returns.
/// Offsets in <see cref="Mention"/> and <see cref="Quote"/> index into <see cref="Body"/>.
/// </summary>
public sealed record Article
{
    public required SourceFile Source { get; init; }
    public required string Title { get; init; }
    /// <summary>The article text: its paragraphs, separated by <see cref="ParagraphSeparator"/>.</summary>
    public required string Body { get; init; }

    public const string ParagraphSeparator = "\n\n";

    /// <summary>
    /// The paragraphs of <see cref="Body"/>. Derived rather than stored: as a property of its own it carried the
    /// whole text a second time in every message and stored document (a quarter of an extracted article's JSON).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> Paragraphs => Body.Length == 0 ? [] : Body.Split(ParagraphSeparator);

    /// <summary>ISO 639-1 code such as "id" or "en"; null when it could not be told.</summary>
    public string? Language { get; init; }

    /// <summary>The place named at the start of the article, e.g. "Jakarta".</summary>
    public string? Dateline { get; init; }

    /// <summary>"2024-06-14" when only the day is known, a full ISO 8601 time when the time is known.</summary>
    public string? PublishedAt { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>News agencies the article cites, e.g. "ANTARA".</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public string? SiteName { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<Entity> Entities { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string? Summary { get; init; }
    public int WordCount { get; init; }
}

/// <summary>A person, organisation or place, with every place it is mentioned in the body.</summary>
/// <param name="Type">One of <see cref="EntityTypes"/>.</param>
[JsonConverter(typeof(EntityJsonConverter))]
public sealed record Entity(string Name, string Type, IReadOnlyList<Mention> Mentions);

[JsonConverter(typeof(MentionJsonConverter))]
public sealed record Mention(string Text, int Start, int Length);

/// <summary>A quotation in the body and who said it (null when nobody can be named).</summary>
[JsonConverter(typeof(QuoteJsonConverter))]
public sealed record Quote(string Text, string? Speaker, int Start, int Length);

public static class EntityTypes
{
    public const string Person = "Person";
    public const string Organization = "Organization";
    public const string Location = "Location";
}
