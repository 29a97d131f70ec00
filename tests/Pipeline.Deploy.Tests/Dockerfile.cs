using System.Text.RegularExpressions;

namespace Pipeline.Deploy.Tests;

/// <summary>deploy/Dockerfile read as instructions (continuation lines joined), enough for the checks here.</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<(string Instruction, string Arguments)> instructions) => Instructions = instructions;

    public IReadOnlyList<(string Instruction, string Arguments)> Instructions { get; }

    /// <summary>The instructions of the last stage, the image that runs.</summary>
    public IEnumerable<(string Instruction, string Arguments)> FinalStage =>
        Instructions.Skip(Instructions.Select((item, index) => (item, index)).Last(x => x.item.Instruction == "FROM").index);

    public IReadOnlyDictionary<string, string> EnvironmentVariables =>
        FinalStage.Where(i => i.Instruction == "ENV")
            .SelectMany(i => EnvPair().Matches(i.Arguments))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    public static Dockerfile Load(string relativePath = "deploy/Dockerfile")
    {
        var joined = File.ReadAllText(RepositoryFiles.PathOf(relativePath)).Replace("\\\n", " ", StringComparison.Ordinal);
        var instructions = joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1] : string.Empty))
            .ToList();
        return new Dockerfile(instructions);
    }

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex EnvPair();
}
