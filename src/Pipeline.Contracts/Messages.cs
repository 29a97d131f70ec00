namespace Pipeline.Contracts;

// One document's way through the pipeline. Every message carries the document id (derived from the
// content hash, so the same content always gets the same id) and one correlation id per dropped file.

/// <summary>Ingest claimed a finished file and hands it on.</summary>
/// <remarks>
/// Small files travel inline in <see cref="Content"/>. Larger ones stay on disk and travel as a claim
/// check: <see cref="ContentPath"/> names the claimed file, readable by every stage.
/// </remarks>
public sealed record ArticleReceived
{
    public required Guid DocumentId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required SourceFile Source { get; init; }
    public byte[]? Content { get; init; }
    public string? ContentPath { get; init; }

    /// <summary>When the file was first seen in the inbox: the start of end-to-end latency.</summary>
    public required DateTimeOffset DroppedAt { get; init; }

    /// <summary>The file's last write time, the anchor for dates without a year.</summary>
    public required DateTimeOffset FileModifiedAt { get; init; }

    public required StageVisit Ingested { get; init; }
}

/// <summary>Extraction turned the file into an <see cref="Article"/>.</summary>
public sealed record ArticleExtracted
{
    public required Guid DocumentId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required Article Article { get; init; }
    public required DateTimeOffset DroppedAt { get; init; }
    public required IReadOnlyList<StageVisit> Stages { get; init; }

    /// <summary>This article's place (from 0) among the <see cref="ItemCount"/> articles of its file (a JSON list holds several).</summary>
    public int ItemIndex { get; init; }

    /// <summary>How many articles the file holds; ingest finishes the file once all of them are stored.</summary>
    public int ItemCount { get; init; } = 1;
}

/// <summary>Indexing stored the article; it is searchable now.</summary>
public sealed record ArticleIndexed
{
    public required Guid DocumentId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required SourceFile Source { get; init; }
    public required DateTimeOffset DroppedAt { get; init; }

    /// <summary>False when the same content had been stored before (a duplicate drop or a redelivery).</summary>
    public required bool Created { get; init; }

    public required IReadOnlyList<StageVisit> Stages { get; init; }

    /// <summary>As in <see cref="ArticleExtracted.ItemIndex"/>.</summary>
    public int ItemIndex { get; init; }

    /// <summary>As in <see cref="ArticleExtracted.ItemCount"/>.</summary>
    public int ItemCount { get; init; } = 1;
}

/// <summary>A stage refused the file for good; ingest moves it to quarantine with this reason.</summary>
public sealed record ArticleRejected
{
    public required Guid DocumentId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required SourceFile Source { get; init; }
    public required string Stage { get; init; }

    /// <summary>What was wrong, in words a person understands.</summary>
    public required string Reason { get; init; }

    /// <summary>What the person can do about it.</summary>
    public string? Hint { get; init; }

    public required DateTimeOffset RejectedAt { get; init; }
}

/// <summary>When a stage handled the document, and which worker.</summary>
public sealed record StageVisit(string Stage, string Worker, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);

public static class Stages
{
    public const string Ingest = "ingest";
    public const string Extract = "extract";
    public const string Index = "index";
    public static readonly IReadOnlyList<string> All = [Ingest, Extract, Index];
}

/// <summary>Every message the stages send one another.</summary>
public static class PipelineMessages
{
    public static readonly IReadOnlyList<Type> All = [typeof(ArticleReceived), typeof(ArticleExtracted), typeof(ArticleIndexed), typeof(ArticleRejected)];
}
