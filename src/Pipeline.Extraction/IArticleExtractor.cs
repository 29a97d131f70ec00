using Pipeline.Contracts;

namespace Pipeline.Extraction;

/// <summary>Turns the bytes of a dropped file into an enriched <see cref="Article"/>. Pure and thread-safe.</summary>
public interface IArticleExtractor
{
    /// <exception cref="ExtractionRejectedException">The content is not an article Pipeline can read.</exception>
    Article Extract(ExtractionInput input);
}

/// <param name="Source">What ingest knows of the file (path, hash, media type, size).</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ReferenceDate">The file's modification time: the anchor for dates without a year and relative dates.</param>
public sealed record ExtractionInput(SourceFile Source, ReadOnlyMemory<byte> Content, DateTimeOffset ReferenceDate);
