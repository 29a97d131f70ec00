using BenchmarkDotNet.Attributes;
using Pipeline.Contracts;
using Pipeline.Extraction;

namespace Pipeline.Benchmarks.HotPaths;

/// <summary>
/// The extract stage's work per message: parsing (text or HTML), then enrichment (dates, language, entities,
/// quotes, keywords, summary). A text article must stay well under the ~100 microseconds per stage that cost
/// 15% of the broker's ceiling (issue 9).
/// </summary>
[MemoryDiagnoser]
public class ExtractionHotPath
{
    private readonly ArticleExtractor _extractor = new(new ExtractionOptions());
    private ExtractionInput _text = null!;
    private ExtractionInput _html = null!;

    [Params(true, false)]
    public bool Indonesian { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchArticles.InputOf(BenchArticles.Text(Indonesian));
        _html = BenchArticles.InputOf(BenchArticles.Html(Indonesian));
    }

    [Benchmark(Baseline = true)]
    public Article ExtractText() => _extractor.Extract(_text);

    [Benchmark]
    public Article ExtractHtml() => _extractor.Extract(_html);
}
