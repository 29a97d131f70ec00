using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Deploy.Tests;

/// <summary>Reads YAML files (several documents each, merge keys resolved) and walks them with clear failures.</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> LoadDocuments(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    public static YamlMappingNode LoadSingle(string path) => Assert.Single(LoadDocuments(path));

    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode Map(this YamlNode node, string key) =>
        node.Get(key) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a mapping at {node.Start}");

    public static YamlSequenceNode Seq(this YamlNode node, string key) =>
        node.Get(key) as YamlSequenceNode ?? throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a list at {node.Start}");

    public static string Text(this YamlNode node, string key) =>
        (node.Get(key) as YamlScalarNode)?.Value ?? throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a value at {node.Start}");

    public static string? TextOrNull(this YamlNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static IReadOnlyList<string> Texts(this YamlSequenceNode sequence) =>
        [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty)];

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlMappingNode mapping) =>
        mapping.Children.Select(c => (((YamlScalarNode)c.Key).Value ?? string.Empty, c.Value));
}
