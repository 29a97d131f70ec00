using System.Diagnostics;
using System.Text;
using Pipeline.Contracts;

namespace Pipeline.Extraction.WarmUp;

/// <summary>
/// Runs the extractor once over a small article of each format it reads, so that the one-time costs of a fresh
/// process (JIT of the parser and scorer, type loading, static tables, the tagger's first call) are paid at start-up
/// and not by the first article a worker takes: measured on the aeb-dev pages, that first page otherwise took
/// hundreds of milliseconds more than its settled time, and HTML analysis has a time budget per page.
/// </summary>
public static class ExtractionWarmUp
{
    private static readonly DateTimeOffset Reference = new(2024, 7, 2, 0, 0, 0, TimeSpan.Zero);

    /// <returns>How long the warm-up took.</returns>
    public static TimeSpan Run(IArticleExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var watch = Stopwatch.StartNew();
        foreach (var (name, text) in WarmUpSamples.All)
        {
            var content = Encoding.UTF8.GetBytes(text);
            var source = new SourceFile(name, DocumentIds.Sha256Hex(content), MediaTypes.FromFileName(name), content.Length);
            extractor.ExtractAll(new ExtractionInput(source, content, Reference));
        }
        return watch.Elapsed;
    }
}
