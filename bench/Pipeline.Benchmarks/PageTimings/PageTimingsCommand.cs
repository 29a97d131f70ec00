using System.Diagnostics;
using System.Globalization;
using Pipeline.Contracts;
using Pipeline.Extraction;
using Pipeline.Extraction.WarmUp;
using Pipeline.Ner;
using Pipeline.Ner.Model;

namespace Pipeline.Benchmarks.PageTimings;

/// <summary>
/// Time per HTML page, the two numbers the "no page over N ms" targets are about:
/// <list type="bullet">
/// <item>first pass: each page extracted as the first page of a fresh process (one child process per page), so it
/// pays every one-time cost a newly started worker pays: JIT, static tables, parser warm-up;</item>
/// <item>settled: each page's median over several passes in one process once every page has been seen.</item>
/// </list>
/// BenchmarkDotNet measures means of many invocations and cannot give a per-page first call in a fresh process, so
/// this mode does it with a stopwatch around <see cref="IArticleExtractor.Extract"/> alone. What a worker does before
/// it takes messages (building the extractor and, unless <c>--no-warm-up</c>, <see cref="ExtractionWarmUp"/>) is
/// reported apart as start-up.
/// Run: <c>dotnet run -c Release --project bench/Pipeline.Benchmarks -- page-timings [--no-tagger] [--no-warm-up] [--passes N] [--pages DIR]</c>.
/// </summary>
internal static class PageTimingsCommand
{
    public const string Name = "page-timings";
    private const string ChildFlag = "--first-pass-of";

    public static int Run(string[] args)
    {
        var options = PageTimingsOptions.Parse(args);
        var pages = options.PagesFolder is null ? BenchmarkData.HtmlPages() : BenchmarkData.HtmlPages(options.PagesFolder);
        if (options.ChildPageIndex is { } index)
            return RunChild(pages[index], options);

        Console.WriteLine($"// {pages.Count} pages, tagger: {(options.WithTagger ? "shipped model" : "none")}, warm-up at start: {options.WarmUp}, " +
                          $"settled passes: {options.Passes}, cores: {Environment.ProcessorCount}");
        var firstPass = new double[pages.Count];
        var startUp = new double[pages.Count];
        for (var i = 0; i < pages.Count; i++)
            (startUp[i], firstPass[i]) = RunChildProcess(i, args);

        var settled = Settled(pages, options);
        Console.WriteLine();
        Console.WriteLine("page\tKB\tfirst-pass ms\tsettled ms");
        foreach (var i in Enumerable.Range(0, pages.Count).OrderByDescending(i => firstPass[i]))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages[i].Name[..Math.Min(16, pages[i].Name.Length)]}\t{pages[i].Content.Length / 1024}\t{firstPass[i]:F1}\t{settled[i]:F2}"));
        Console.WriteLine();
        Summarise("first pass (fresh process)", firstPass);
        Summarise("settled (median of passes)", settled);
        Summarise("start-up: extractor built" + (options.WarmUp ? " and warmed up" : "") + " (fresh process)", startUp);
        return 0;
    }

    /// <summary>In the child: start the extractor as a worker does, then time the one page.</summary>
    private static int RunChild((string Name, byte[] Content) page, PageTimingsOptions options)
    {
        var built = Stopwatch.StartNew();
        var extractor = CreateExtractor(options);
        if (options.WarmUp) ExtractionWarmUp.Run(extractor);
        var construction = built.Elapsed.TotalMilliseconds;
        var input = Input(page);
        var watch = Stopwatch.StartNew();
        ExtractOnce(extractor, input);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{construction:R} {elapsed:R}"));
        return 0;
    }

    private static (double Construction, double FirstPass) RunChildProcess(int pageIndex, string[] args)
    {
        var self = typeof(PageTimingsCommand).Assembly.Location;
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(self);
        start.ArgumentList.Add(Name);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add(ChildFlag);
        start.ArgumentList.Add(pageIndex.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start)!;
        var lines = child.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        child.WaitForExit();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"The child timing page {pageIndex} exited with {child.ExitCode}.");
        var figures = lines[^1].Split(' ');
        return (double.Parse(figures[0], CultureInfo.InvariantCulture), double.Parse(figures[1], CultureInfo.InvariantCulture));
    }

    private static double[] Settled(List<(string Name, byte[] Content)> pages, PageTimingsOptions options)
    {
        var extractor = CreateExtractor(options);
        var inputs = pages.Select(Input).ToList();
        // Two passes let tiered compilation promote the hot methods before anything is measured.
        for (var pass = 0; pass < 2; pass++)
            inputs.ForEach(input => ExtractOnce(extractor, input));
        var samples = new double[pages.Count][];
        for (var i = 0; i < pages.Count; i++) samples[i] = new double[options.Passes];
        for (var pass = 0; pass < options.Passes; pass++)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var watch = Stopwatch.StartNew();
                ExtractOnce(extractor, inputs[i]);
                samples[i][pass] = watch.Elapsed.TotalMilliseconds;
            }
        }
        return samples.Select(Median).ToArray();
    }

    private static void ExtractOnce(ArticleExtractor extractor, ExtractionInput input)
    {
        try
        {
            extractor.Extract(input);
        }
        catch (ExtractionRejectedException)
        {
            // A refused page is timed as well: refusing it is the work done for it.
        }
    }

    private static ArticleExtractor CreateExtractor(PageTimingsOptions options) =>
        new(new ExtractionOptions(), options.WithTagger ? new PerceptronTagger(NerModel.LoadShipped()) : null);

    private static ExtractionInput Input((string Name, byte[] Content) page) =>
        new(new SourceFile(page.Name, DocumentIds.Sha256Hex(page.Content), "application/octet-stream", page.Content.Length), page.Content,
            new DateTimeOffset(2024, 6, 20, 0, 0, 0, TimeSpan.Zero));

    private static void Summarise(string what, double[] milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: max {sorted[^1]:F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, p50 {Percentile(sorted, 0.50):F1} ms, mean {sorted.Average():F1} ms"));
    }

    private static double Median(double[] samples) => Percentile(samples.Order().ToArray(), 0.5);

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
