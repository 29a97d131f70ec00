namespace Pipeline.Ner;

/// <summary>Bound from the configuration section "Ner".</summary>
public sealed class NerOptions
{
    public const string SectionName = "Ner";

    /// <summary>A model file to use instead of the one shipped in the assembly (built by `pipeline train-ner`).</summary>
    public string? ModelPath { get; set; }
}
