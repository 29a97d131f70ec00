using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using Pipeline.Contracts;
using Pipeline.Extraction;
using Pipeline.Ner;
using Pipeline.Ner.Model;

namespace Pipeline.Benchmarks;

/// <summary>
/// Extraction throughput on one thread: a 5 KB plain-text article with every enrichment, and saved HTML pages
/// (the shared aeb-dev pages when <c>../shared/eval/aeb-dev</c> is beside the repository, else the project's seed pages).
/// Run: <c>dotnet run -c Release --project bench/Pipeline.Benchmarks -- --filter '*Extraction*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly ArticleExtractor _extractor = new(new ExtractionOptions());
    private readonly ArticleExtractor _extractorWithTagger = new(new ExtractionOptions(), new PerceptronTagger(NerModel.LoadShipped()));
    private ExtractionInput _plainText = null!;
    private List<ExtractionInput> _pages = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plainText = Input("article-5kb.txt", BenchmarkData.PlainTextArticle(5 * 1024));
        _pages = BenchmarkData.HtmlPages().Select(p => Input(p.Name, p.Content)).ToList();
    }

    /// <summary>One 5 KB article, all enrichment: articles/s = 1 / mean.</summary>
    [Benchmark]
    public Article PlainText5Kb() => _extractor.Extract(_plainText);

    /// <summary>The same article the way <c>pipeline extract</c> and the extract workers run it: with the shipped entity model.</summary>
    [Benchmark]
    public Article PlainText5KbWithTagger() => _extractorWithTagger.Extract(_plainText);

    /// <summary>Every page once: pages/s = page count / mean (the count is printed by <see cref="BenchmarkData"/>).</summary>
    [Benchmark]
    public int HtmlPages()
    {
        var words = 0;
        foreach (var page in _pages)
        {
            try
            {
                words += _extractor.Extract(page).WordCount;
            }
            catch (ExtractionRejectedException)
            {
                words--; // a rejected page is work done too; the count keeps the loop from being optimised away
            }
        }
        return words;
    }

    private static ExtractionInput Input(string name, byte[] content) =>
        new(new SourceFile(name, DocumentIds.Sha256Hex(content), "application/octet-stream", content.Length), content,
            new DateTimeOffset(2024, 6, 20, 0, 0, 0, TimeSpan.Zero));
}

/// <summary>Workloads for the extraction benchmarks, read from the repository's seeds and the shared evaluation pages.</summary>
internal static class BenchmarkData
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    /// <summary>The project's Indonesian seed articles' paragraphs, repeated to the size asked, under one title and dateline.</summary>
    public static byte[] PlainTextArticle(int bytes)
    {
        var seeds = Path.Combine(RepoRoot(), "seeds");
        var paragraphs = new List<string>();
        foreach (var name in new[] { "id-antara-banjir.txt", "id-tempo-kereta.txt" })
            paragraphs.AddRange(File.ReadAllLines(Path.Combine(seeds, name)).Skip(1).Where(l => l.Length > 0));
        var text = new StringBuilder("Banjir dan Kereta Cepat: Rangkuman Berita Hari Ini\nJakarta (ANTARA) - ");
        for (var i = 0; Encoding.UTF8.GetByteCount(text.ToString()) < bytes; i++)
            text.Append(paragraphs[i % paragraphs.Count]).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static List<(string Name, byte[] Content)> HtmlPages()
    {
        var root = RepoRoot();
        var shared = Path.Combine(root, "..", "shared", "eval", "aeb-dev", "html");
        return HtmlPages(Directory.Exists(shared) ? shared : Path.Combine(root, "seeds"));
    }

    /// <summary>Every <c>*.html</c> and gzipped <c>*.html.gz</c> page of a folder, in name order.</summary>
    public static List<(string Name, byte[] Content)> HtmlPages(string folder)
    {
        var pages = new List<(string, byte[])>();
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".html.gz", StringComparison.Ordinal))
            {
                using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                gz.CopyTo(buffer);
                pages.Add((Path.GetFileName(file)[..^3], buffer.ToArray()));
            }
            else if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                pages.Add((Path.GetFileName(file), File.ReadAllBytes(file)));
            }
        }
        Console.WriteLine($"// HtmlPages workload: {pages.Count} pages from {folder}");
        return pages;
    }
}
