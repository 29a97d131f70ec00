namespace Pipeline.Benchmarking.Generation;

/// <summary>What the generator writes: the language and the file format.</summary>
public enum ArticleKind
{
    IndonesianText,
    EnglishText,
    IndonesianHtml,
    EnglishHtml,
}

public static class ArticleKinds
{
    public static bool IsHtml(this ArticleKind kind) => kind is ArticleKind.IndonesianHtml or ArticleKind.EnglishHtml;

    public static bool IsIndonesian(this ArticleKind kind) => kind is ArticleKind.IndonesianText or ArticleKind.IndonesianHtml;
}
