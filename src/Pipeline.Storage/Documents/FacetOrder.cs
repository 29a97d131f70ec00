namespace Pipeline.Storage.Documents;

/// <summary>One ordering of facet counts for both stores, so equal data gives equal lists.</summary>
internal static class FacetOrder
{
    public const string Unknown = "unknown";

    public static List<FacetCount> ByCount(List<FacetCount> counts)
    {
        counts.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        return counts;
    }

    public static List<FacetCount> ByValue(List<FacetCount> counts)
    {
        counts.Sort(static (a, b) => string.CompareOrdinal(a.Value, b.Value));
        return counts;
    }
}
