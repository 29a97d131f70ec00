namespace Pipeline.Extraction.Enrich;

/// <summary>One name found in the body, before mentions of the same thing are merged into an entity.</summary>
internal readonly record struct EntityMention(int Start, int Length, string Type)
{
    public int End => Start + Length;
}
