using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Ingest.Finishing;

/// <summary>The <c>&lt;name&gt;.reason.json</c> written beside a quarantined file, for the person who finds it.</summary>
public sealed record QuarantineReason
{
    /// <summary>Path below the inbox as the file was dropped.</summary>
    public required string File { get; init; }

    /// <summary>Which stage refused it: ingest, extract or index.</summary>
    public required string Stage { get; init; }

    /// <summary>What was wrong.</summary>
    public required string Error { get; init; }

    /// <summary>What to do about it.</summary>
    public required string WhatToDo { get; init; }

    public required DateTimeOffset Time { get; init; }
    public Guid CorrelationId { get; init; }
    public Guid? DocumentId { get; init; }
    public string? Sha256 { get; init; }
    public long? SizeBytes { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static QuarantineReason? FromJson(string json) => JsonSerializer.Deserialize<QuarantineReason>(json, Json);
}
