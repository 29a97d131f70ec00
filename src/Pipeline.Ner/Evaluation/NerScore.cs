namespace Pipeline.Ner.Evaluation;

/// <summary>Counts and micro-averaged figures for one entity type, or for all types together.</summary>
public sealed record NerCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The result of <see cref="NerScorer.Score"/>.</summary>
public sealed record NerScore(int Documents, NerCounts Overall, IReadOnlyDictionary<string, NerCounts> ByType)
{
    public override string ToString()
    {
        var types = string.Join("  ", ByType.Select(t =>
            $"{t.Key} P {t.Value.Precision:F3} R {t.Value.Recall:F3} F1 {t.Value.F1:F3}"));
        return $"docs {Documents}  F1 {Overall.F1:F4}  precision {Overall.Precision:F4}  recall {Overall.Recall:F4}  {types}";
    }
}
