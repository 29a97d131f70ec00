using Pipeline.Contracts;
using Pipeline.Extraction;
using Pipeline.Storage;

namespace Pipeline.Benchmarking.Relevance;

/// <summary>
/// The judged articles run through the real extractor, as stored documents whose source path is the path the
/// judgments use, so a hit maps straight back to a judgment.
/// </summary>
public static class RelevanceCorpus
{
    public static IReadOnlyList<StoredDocument> Extract(RelevanceJudgments judgments, string seedsFolder, IArticleExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentNullException.ThrowIfNull(extractor);
        var reference = new DateTimeOffset(judgments.ReferenceDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var documents = new List<StoredDocument>(judgments.Documents.Count);
        foreach (var path in judgments.Documents)
        {
            var file = Path.Combine(seedsFolder, path);
            if (!File.Exists(file))
                throw new FileNotFoundException($"The judged document {path} is not in {seedsFolder}.", file);
            var content = File.ReadAllBytes(file);
            var sha = DocumentIds.Sha256Hex(content);
            var source = new SourceFile(path, sha, MediaTypes.FromFileName(path), content.LongLength);
            Article article;
            try
            {
                article = extractor.Extract(new ExtractionInput(source, content, reference));
            }
            catch (ExtractionRejectedException e)
            {
                throw new InvalidDataException($"The judged document {path} was rejected by extraction: {e.Message}", e);
            }

            documents.Add(new StoredDocument
            {
                DocumentId = DocumentIds.FromSha256Hex(sha),
                CorrelationId = Guid.NewGuid(),
                Article = article,
                DroppedAt = reference,
                Stages = [],
            });
        }

        return documents;
    }
}
