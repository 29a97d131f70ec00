using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Pipeline.Contracts;

namespace Pipeline.Benchmarks.HotPaths;

/// <summary>
/// Message bodies as System.Text.Json (MassTransit's serializer) writes and reads them at each hop:
/// ArticleReceived with the file inline, ArticleExtracted with the whole enriched article.
/// </summary>
[MemoryDiagnoser]
public class SerializationHotPath
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    private ArticleReceived _received = null!;
    private ArticleExtracted _extracted = null!;
    private byte[] _receivedJson = null!;
    private byte[] _extractedJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        var messages = new BenchMessages();
        (_received, _extracted) = (messages.Received, messages.Extracted);
        _receivedJson = JsonSerializer.SerializeToUtf8Bytes(_received, Options);
        _extractedJson = JsonSerializer.SerializeToUtf8Bytes(_extracted, Options);
    }

    [Benchmark]
    public byte[] WriteReceived() => JsonSerializer.SerializeToUtf8Bytes(_received, Options);

    [Benchmark]
    public ArticleReceived? ReadReceived() => JsonSerializer.Deserialize<ArticleReceived>(_receivedJson, Options);

    [Benchmark]
    public byte[] WriteExtracted() => JsonSerializer.SerializeToUtf8Bytes(_extracted, Options);

    [Benchmark]
    public ArticleExtracted? ReadExtracted() => JsonSerializer.Deserialize<ArticleExtracted>(_extractedJson, Options);
}
