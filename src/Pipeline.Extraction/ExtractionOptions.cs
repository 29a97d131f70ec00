namespace Pipeline.Extraction;

/// <summary>Limits and knobs of the extraction stage, bound from the <c>Extraction</c> configuration section.</summary>
public sealed class ExtractionOptions
{
    public const string SectionName = "Extraction";

    /// <summary>Inputs larger than this are refused before any decoding, so one huge file cannot exhaust memory.</summary>
    public long MaxInputBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Wall-clock budget for analysing one HTML page; past it the best candidate found so far is used.</summary>
    public TimeSpan HtmlTimeBudget { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many sentences the extractive summary keeps.</summary>
    public int SummarySentences { get; set; } = 2;

    /// <summary>How many keywords are reported.</summary>
    public int KeywordCount { get; set; } = 8;

    /// <summary>
    /// Extract a few built-in articles when a host starts, so a new worker's first real article does not pay the
    /// process's one-time costs (JIT, static tables, parser warm-up).
    /// </summary>
    public bool WarmUpAtStart { get; set; } = true;

    /// <summary>A page whose extracted body has fewer words than this is treated as having no article.</summary>
    public int MinBodyWords { get; set; } = 15;
}
