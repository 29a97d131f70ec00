using System.Globalization;

namespace Pipeline.Benchmarks.PageTimings;

/// <summary>The page-timings mode's own arguments (BenchmarkDotNet's are not involved).</summary>
internal sealed record PageTimingsOptions(bool WithTagger, bool WarmUp, int Passes, string? PagesFolder, int? ChildPageIndex)
{
    public static PageTimingsOptions Parse(string[] args)
    {
        var withTagger = true;
        var warmUp = true;
        var passes = 5;
        string? folder = null;
        int? child = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--no-tagger": withTagger = false; break;
                case "--no-warm-up": warmUp = false; break;
                case "--passes": passes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pages": folder = args[++i]; break;
                case "--first-pass-of": child = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"page-timings: unknown argument '{args[i]}' (known: --no-tagger, --no-warm-up, --passes N, --pages DIR).");
            }
        }
        return new PageTimingsOptions(withTagger, warmUp, passes, folder, child);
    }
}
