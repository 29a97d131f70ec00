using YamlDotNet.RepresentationModel;

namespace Pipeline.Deploy.Tests;

/// <summary>Every document of every file in deploy/k8s, by kind and name.</summary>
internal sealed class KubernetesManifests
{
    public const string Folder = "deploy/k8s";

    private KubernetesManifests(IReadOnlyList<(string File, YamlMappingNode Document)> documents) => Documents = documents;

    public IReadOnlyList<(string File, YamlMappingNode Document)> Documents { get; }

    public static KubernetesManifests Load() =>
        new([.. Directory.EnumerateFiles(RepositoryFiles.PathOf(Folder), "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => Yaml.LoadDocuments(file).Select(document => (Path.GetFileName(file), document)))]);

    public IEnumerable<YamlMappingNode> OfKind(string kind) =>
        Documents.Where(d => d.Document.TextOrNull("kind") == kind).Select(d => d.Document);

    public YamlMappingNode Single(string kind, string name) =>
        Assert.Single(OfKind(kind), d => d.Map("metadata").Text("name") == name);
}
