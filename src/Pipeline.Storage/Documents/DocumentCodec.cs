using System.Text.Json;
using System.Text.Json.Serialization;
using K4os.Compression.LZ4;
using Pipeline.Contracts;

namespace Pipeline.Storage.Documents;

/// <summary>
/// The stored form of an article: camelCase JSON of <see cref="Article"/>, LZ4-compressed (a quick test
/// gave 1.7x on news text at a cost far below the database write). The body lives only here.
/// </summary>
public static class DocumentCodec
{
    public static byte[] PackArticle(Article article) =>
        LZ4Pickler.Pickle(JsonSerializer.SerializeToUtf8Bytes(article, StorageJsonContext.Default.Article), LZ4Level.L00_FAST);

    public static Article UnpackArticle(byte[] packed) =>
        JsonSerializer.Deserialize(LZ4Pickler.Unpickle(packed), StorageJsonContext.Default.Article)
        ?? throw new InvalidDataException("A stored article decoded to nothing.");

    public static string StagesToJson(IReadOnlyList<StageVisit> stages) =>
        JsonSerializer.Serialize(stages, StorageJsonContext.Default.IReadOnlyListStageVisit);

    public static IReadOnlyList<StageVisit> StagesFromJson(string json) =>
        JsonSerializer.Deserialize(json, StorageJsonContext.Default.IReadOnlyListStageVisit) ?? [];
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(IReadOnlyList<StageVisit>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
