namespace Pipeline.Contracts;

/// <summary>The file an article came from, as ingest saw it when it claimed the file.</summary>
/// <param name="Path">Path relative to the inbox, with forward slashes, as the user dropped it.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes; the article's identity.</param>
/// <param name="MediaType">Media type guessed from the name and content (e.g. text/plain, text/html).</param>
/// <param name="SizeBytes">Size of the file in bytes.</param>
public sealed record SourceFile(string Path, string Sha256, string MediaType, long SizeBytes)
{
    /// <summary>
    /// The source of one article of a file that holds several: the file's path with the article's place in it,
    /// from 1 (<c>list.json#2</c>), so each article has a path of its own (the store keeps versions per path).
    /// </summary>
    public SourceFile ForItem(int itemIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemIndex);
        return this with { Path = $"{Path}#{itemIndex + 1}" };
    }

    /// <summary>The file an item's source (<see cref="ForItem"/>) came from.</summary>
    public SourceFile FileOfItem(int itemIndex)
    {
        var suffix = $"#{itemIndex + 1}";
        return Path.EndsWith(suffix, StringComparison.Ordinal) ? this with { Path = Path[..^suffix.Length] } : this;
    }
}
