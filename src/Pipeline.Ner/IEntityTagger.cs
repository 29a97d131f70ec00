namespace Pipeline.Ner;

/// <summary>Finds names of people, organisations and places in tokenised text. Thread-safe once loaded.</summary>
public interface IEntityTagger
{
    /// <summary>Tags one sentence; returns the entity spans in token positions.</summary>
    IReadOnlyList<TaggedSpan> Tag(IReadOnlyList<string> tokens);
}

/// <param name="StartToken">Index of the first token of the entity.</param>
/// <param name="TokenCount">How many tokens it spans.</param>
/// <param name="Type">"Person", "Organization" or "Location" (the names of Pipeline.Contracts.EntityTypes).</param>
public readonly record struct TaggedSpan(int StartToken, int TokenCount, string Type);
