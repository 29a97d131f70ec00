using BenchmarkDotNet.Attributes;
using Pipeline.Storage.Documents;
using Pipeline.Storage.Text;

namespace Pipeline.Benchmarks.Storage;

/// <summary>
/// The client's share of one search: a page of 20 hits, each unpacked from its stored form and given a
/// snippet around two query terms, as both stores do for every results page.
/// Run: dotnet run -c Release --project bench/Pipeline.Benchmarks -- --filter '*SearchHitBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class SearchHitBenchmarks
{
    private const int PageSize = 20;

    private readonly SnippetBuilder _snippets = new(new Pipeline.Storage.StorageOptions().SnippetLength);
    private byte[][] _packed = [];
    private HashSet<string>[] _terms = [];

    [GlobalSetup]
    public void SetUp()
    {
        var documents = SyntheticCorpus.Generate(0, PageSize).ToArray();
        _packed = documents.Select(d => DocumentCodec.PackArticle(d.Article)).ToArray();

        // Two terms each hit really contains, one early and one late, like a two-word query that matched it.
        _terms = documents.Select(d =>
        {
            var terms = TextAnalyzer.Terms(d.Article.Body, TextAnalyzer.KindFor(d.Article.Language));
            return new HashSet<string>([terms[terms.Count / 3], terms[terms.Count * 9 / 10]], StringComparer.Ordinal);
        }).ToArray();
    }

    [Benchmark]
    public int UnpackOnly()
    {
        var length = 0;
        foreach (var packed in _packed)
            length += DocumentCodec.UnpackArticle(packed).Body.Length;
        return length;
    }

    [Benchmark]
    public int UnpackAndSnippet()
    {
        var length = 0;
        for (var i = 0; i < _packed.Length; i++)
        {
            var article = DocumentCodec.UnpackArticle(_packed[i]);
            length += _snippets.Build(article.Body, article.Language, _terms[i]).Snippet.Length;
        }

        return length;
    }
}
