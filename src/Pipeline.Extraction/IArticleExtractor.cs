using Pipeline.Contracts;

namespace Pipeline.Extraction;

/// <summary>Turns the bytes of a dropped file into an enriched <see cref="Article"/>. Pure and thread-safe.</summary>
public interface IArticleExtractor
{
    /// <summary>The file's article; of a file holding several (a JSON list), the first.</summary>
    /// <exception cref="ExtractionRejectedException">The content is not an article Pipeline can read.</exception>
    Article Extract(ExtractionInput input);

    /// <summary>
    /// Every article of the file, in file order: one for most files, one per item of a JSON list. When there are
    /// several, each one's source path names its place in the file (<see cref="SourceFile.ForItem"/>).
    /// </summary>
    /// <exception cref="ExtractionRejectedException">The content holds no article Pipeline can read.</exception>
    IReadOnlyList<Article> ExtractAll(ExtractionInput input);
}

/// <param name="Source">What ingest knows of the file (path, hash, media type, size).</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ReferenceDate">The file's modification time: the anchor for dates without a year and relative dates.</param>
public sealed record ExtractionInput(SourceFile Source, ReadOnlyMemory<byte> Content, DateTimeOffset ReferenceDate);
