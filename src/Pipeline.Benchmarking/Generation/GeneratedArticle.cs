namespace Pipeline.Benchmarking.Generation;

/// <summary>One generated file: its name in the inbox and its bytes (UTF-8).</summary>
public sealed record GeneratedArticle(int Index, ArticleKind Kind, string FileName, byte[] Content);
