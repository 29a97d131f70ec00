namespace Pipeline.Ingest.Watching;

/// <summary>
/// Decides which inbox entries are not (yet) articles: hidden files, editor backups and partial downloads.
/// A path is ignored when any of its segments matches, so a hidden folder hides everything inside it.
/// </summary>
internal sealed class IgnoreRules
{
    private readonly string[] _patterns;

    public IgnoreRules(IEnumerable<string> extraPatterns)
    {
        _patterns = [.. IngestOptions.DefaultIgnorePatterns, .. extraPatterns.Where(p => !string.IsNullOrWhiteSpace(p))];
    }

    /// <param name="relativePath">Path below the inbox, with either separator.</param>
    public bool IsIgnored(ReadOnlySpan<char> relativePath)
    {
        foreach (var range in relativePath.SplitAny('/', '\\'))
        {
            var segment = relativePath[range];
            if (segment.IsEmpty || segment is ".")
                continue;
            if (IsIgnoredName(segment))
                return true;
        }
        return false;
    }

    public bool IsIgnoredName(ReadOnlySpan<char> name)
    {
        foreach (var pattern in _patterns)
        {
            if (Wildcard.IsMatch(pattern, name))
                return true;
        }
        return false;
    }
}
