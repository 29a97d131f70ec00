using BenchmarkDotNet.Attributes;
using Pipeline.Storage.Text;

namespace Pipeline.Benchmarks.HotPaths;

/// <summary>
/// The analyzer both stores index with: a 5 KB synthetic body to terms, per language, on a warm term cache
/// (a worker's steady state). Every document the index stage writes goes through this once.
/// Run: dotnet run -c Release --project bench/Pipeline.Benchmarks -- --filter '*AnalysisHotPath*'
/// </summary>
[MemoryDiagnoser]
public class AnalysisHotPath
{
    private string _english = string.Empty;
    private string _indonesian = string.Empty;

    [GlobalSetup]
    public void SetUp()
    {
        // The synthetic corpus alternates languages: even documents are English, odd ones Indonesian.
        _english = Storage.SyntheticCorpus.Create(0).Article.Body;
        _indonesian = Storage.SyntheticCorpus.Create(1).Article.Body;
    }

    [Benchmark]
    public int English() => TextAnalyzer.Terms(_english, AnalysisKind.English).Count;

    [Benchmark]
    public int Indonesian() => TextAnalyzer.Terms(_indonesian, AnalysisKind.Indonesian).Count;
}
