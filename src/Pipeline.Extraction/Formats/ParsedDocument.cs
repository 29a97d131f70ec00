namespace Pipeline.Extraction.Formats;

/// <summary>What a format reader found in a file before enrichment: text split into paragraphs plus any metadata the format carries.</summary>
internal sealed class ParsedDocument
{
    public required string MediaType { get; init; }
    public string? Title { get; set; }
    public List<string> Paragraphs { get; init; } = [];
    public string? Dateline { get; set; }

    /// <summary>Agency named in the dateline itself, e.g. "ANTARA" in <c>Jakarta (ANTARA) - </c>.</summary>
    public string? DatelineAgency { get; set; }

    /// <summary>A date the format states as metadata (JSON-LD, meta tags, front matter), already ISO 8601.</summary>
    public string? PublishedAt { get; set; }
    public List<string> Authors { get; init; } = [];
    public string? SiteName { get; set; }
    public string? Description { get; set; }
    public string? Language { get; set; }
}
