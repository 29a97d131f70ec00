namespace Pipeline.Testing.Processes;

/// <summary>What to start and how. Environment entries with a null value are removed from the child's environment.</summary>
public sealed record ChildProcessOptions(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public string? WorkingDirectory { get; init; }

    /// <summary>Called for every line the child writes (stdout and stderr), e.g. to forward it to a test's output.</summary>
    public Action<string>? OnOutputLine { get; init; }
}
