namespace Pipeline.Ner;

/// <summary>Finds names of people, organisations and places in tokenised text. Thread-safe once loaded.</summary>
public interface IEntityTagger
{
    /// <summary>Tags one sentence; returns the entity spans in token positions.</summary>
    IReadOnlyList<TaggedSpan> Tag(IReadOnlyList<string> tokens);

    /// <summary>
    /// Tags one sentence whose tokens are positions in <paramref name="text"/>, appending the entity spans to
    /// <paramref name="found"/>: the same spans as <see cref="Tag(IReadOnlyList{string})"/>. This default makes the
    /// strings; a tagger on the hot path implements it without a string per token.
    /// </summary>
    void Tag(ReadOnlySpan<char> text, ReadOnlySpan<TokenSpan> tokens, ICollection<TaggedSpan> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var strings = new string[tokens.Length];
        for (var i = 0; i < strings.Length; i++)
            strings[i] = text.Slice(tokens[i].Start, tokens[i].Length).ToString();
        foreach (var span in Tag(strings))
            found.Add(span);
    }
}

/// <summary>A token of a text: where it starts and how many characters it has.</summary>
public readonly record struct TokenSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <param name="StartToken">Index of the first token of the entity.</param>
/// <param name="TokenCount">How many tokens it spans.</param>
/// <param name="Type">"Person", "Organization" or "Location" (the names of Pipeline.Contracts.EntityTypes).</param>
public readonly record struct TaggedSpan(int StartToken, int TokenCount, string Type);
