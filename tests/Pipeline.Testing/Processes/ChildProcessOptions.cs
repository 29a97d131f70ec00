namespace Pipeline.Testing.Processes;

/// <summary>What to start and how; the tests' name for <see cref="LocalServers.ChildProcessOptions"/>.</summary>
public sealed record ChildProcessOptions(string FileName, IReadOnlyList<string> Arguments)
    : LocalServers.ChildProcessOptions(FileName, Arguments);
