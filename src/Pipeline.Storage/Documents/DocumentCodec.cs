using System.Buffers;
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
    /// <summary>A buffer grown past this by an unusually long article is let go rather than kept by its thread.</summary>
    private const int LargestKeptBuffer = 1024 * 1024;

    /// <summary>The JSON is written into a buffer kept per thread: only the compressed bytes are a new array.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _json;

    public static byte[] PackArticle(Article article)
    {
        var json = _json ??= new ArrayBufferWriter<byte>(64 * 1024);
        json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(json))
            JsonSerializer.Serialize(writer, article, StorageJsonContext.Default.Article);
        var packed = LZ4Pickler.Pickle(json.WrittenSpan, LZ4Level.L00_FAST);
        if (json.Capacity > LargestKeptBuffer)
            _json = null;
        return packed;
    }

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
